package org.onevisit.platform.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.onevisit.shared.OneVisitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every problem code the API can answer with, by HTTP status: Spring MVC's and the
 * security filters' (from {@link ApiProblemHandler}), and each typed refusal's, found by
 * making each refusal through its own factories and reading its code and kind. Derived,
 * not listed, so that a new refusal is in the OpenAPI document the moment it exists.
 */
final class ProblemCodes {

	private static final Logger log = LoggerFactory.getLogger(ProblemCodes.class);

	private final SortedMap<Integer, SortedSet<String>> byStatus = new TreeMap<>();

	private ProblemCodes() {
	}

	static ProblemCodes found() {
		ProblemCodes codes = new ProblemCodes();
		ApiProblemHandler.CODES.forEach((mapped) -> codes.add(mapped.status(), mapped.code()));
		ApiProblemHandler.OTHER_CODES.forEach((mapped) -> codes.add(mapped.status(), mapped.code()));
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(OneVisitException.class));
		for (BeanDefinition candidate : scanner.findCandidateComponents("org.onevisit")) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(),
					ProblemCodes.class.getClassLoader());
			for (OneVisitException refusal : refusalsOf(type)) {
				codes.add(Problems.statusOf(refusal.kind()).value(), refusal.code());
			}
		}
		return codes;
	}

	/** The codes of one status, or none. */
	SortedSet<String> of(int status) {
		return this.byStatus.getOrDefault(status, new TreeSet<>());
	}

	Set<Integer> statuses() {
		return this.byStatus.keySet();
	}

	private void add(int status, String code) {
		this.byStatus.computeIfAbsent(status, (any) -> new TreeSet<>()).add(code);
	}

	/**
	 * The refusals a type's static factories and constructors make from neutral
	 * arguments; one that cannot be made so is skipped (its code then shows up in the
	 * contract tests, not here).
	 */
	private static List<OneVisitException> refusalsOf(Class<?> type) {
		List<Executable> makers = new ArrayList<>();
		for (Method method : type.getDeclaredMethods()) {
			if (Modifier.isStatic(method.getModifiers()) && type.isAssignableFrom(method.getReturnType())) {
				makers.add(method);
			}
		}
		if (!Modifier.isAbstract(type.getModifiers())) {
			makers.addAll(List.of(type.getDeclaredConstructors()));
		}
		List<OneVisitException> made = new ArrayList<>();
		for (Executable maker : makers) {
			Object[] arguments = neutral(maker.getParameterTypes());
			try {
				maker.setAccessible(true);
				Object refusal = (maker instanceof Method method) ? method.invoke(null, arguments)
						: ((Constructor<?>) maker).newInstance(arguments);
				if (refusal instanceof OneVisitException typed && typed.code() != null && typed.kind() != null) {
					made.add(typed);
				}
			}
			catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
				log.debug("{} cannot be made from neutral arguments: {}", maker, ex.toString());
			}
		}
		return made;
	}

	private static Object[] neutral(Class<?>[] types) {
		Object[] values = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			values[i] = neutral(types[i]);
		}
		return values;
	}

	private static Object neutral(Class<?> type) {
		if (type == boolean.class) {
			return false;
		}
		if (type == char.class) {
			return ' ';
		}
		if (type.isPrimitive()) {
			return (type == long.class) ? 0L : (type == int.class) ? 0 : (type == double.class) ? 0d
					: (type == float.class) ? 0f : (type == short.class) ? (short) 0 : (byte) 0;
		}
		if (type == String.class) {
			return "";
		}
		if (type.isArray()) {
			return Array.newInstance(type.getComponentType(), 0);
		}
		if (List.class.isAssignableFrom(type) || Collection.class == type) {
			return List.of();
		}
		if (Set.class.isAssignableFrom(type)) {
			return Set.of();
		}
		if (Map.class.isAssignableFrom(type)) {
			return Map.of();
		}
		if (type == Optional.class) {
			return Optional.empty();
		}
		if (Number.class.isAssignableFrom(type)) {
			return (type == Long.class) ? 0L : 0;
		}
		return null;
	}

}
