package org.onevisit.platform.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link OutboxCompletion} rewrites Spring Modulith's advice chain, which is Modulith's
 * internals, not its API. A Modulith upgrade that changes them must fail here, loudly,
 * rather than leave listeners completing their publications twice or not at all (ADR 4).
 */
@SpringBootTest
class OutboxCompletionWiringTests {

	/** The advisor {@link OutboxCompletion} looks for and replaces. */
	static final String MODULITH_ADVISOR = "org.springframework.modulith.events.support.CompletionRegisteringAdvisor";

	/** The listeners OneVisit has (licence issuing, instant approval, evidence). */
	static final int AT_LEAST = 3;

	static final String WHAT_TO_DO = """

			Spring Modulith's completion advice is no longer what OutboxCompletion expects.
			If Spring Modulith is now 2.2 or later, it completes publications in the listener's
			transaction itself (CompletionTiming.IN_LISTENER, the default of
			spring.modulith.events.completion): delete OutboxCompletion, its tests and this test,
			and update docs/adr/0004. Otherwise adapt OutboxCompletion.postProcessAfterInitialization
			to the new advisor chain before upgrading.""";

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void springModulithStillHasTheAdvisorItReplaces() {
		try {
			Class.forName(MODULITH_ADVISOR, false, getClass().getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			fail(MODULITH_ADVISOR + " is gone." + WHAT_TO_DO);
		}
	}

	@Test
	void everyOutboxListenerCompletesInsideItsTransactionAndNoneKeepsModulithsCompletion() {
		List<String> listeners = new ArrayList<>();
		for (String name : this.context.getBeanFactory().getBeanNamesForType(Object.class, false, false)) {
			Object bean = this.context.getBean(name);
			if (!hasOutboxListener(AopProxyUtils.ultimateTargetClass(bean))) {
				continue;
			}
			listeners.add(name);
			if (!(bean instanceof Advised advised)) {
				fail("The outbox listener " + name + " is not proxied." + WHAT_TO_DO);
				return;
			}
			List<Advisor> advisors = Arrays.asList(advised.getAdvisors());
			List<String> modulith = advisors.stream()
				.map((advisor) -> advisor.getClass().getName())
				.filter((type) -> type.startsWith("org.springframework.modulith."))
				.toList();
			assertThat(modulith).as("Spring Modulith's advisors left on " + name + "." + WHAT_TO_DO).isEmpty();
			int outer = indexOf(advisors, "Outer");
			int transaction = indexOf(advisors, null);
			int inner = indexOf(advisors, "Inner");
			assertThat(outer >= 0 && outer < transaction && transaction < inner)
				.as("OutboxCompletion's advice is not around and inside the transaction of " + name + ": " + advisors
						+ "." + WHAT_TO_DO)
				.isTrue();
		}
		assertThat(listeners).as("Outbox listeners found: " + listeners + "." + WHAT_TO_DO)
			.hasSizeGreaterThanOrEqualTo(AT_LEAST);
	}

	/** A listener Spring Modulith records publications for. */
	private static boolean hasOutboxListener(Class<?> type) {
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
			TransactionalEventListener listener = AnnotatedElementUtils.findMergedAnnotation(method,
					TransactionalEventListener.class);
			if (listener != null && listener.phase() == TransactionPhase.AFTER_COMMIT) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The position of OutboxCompletion's interceptor of that name, or of the transaction
	 * advice for none.
	 */
	private static int indexOf(List<Advisor> advisors, String interceptor) {
		for (int i = 0; i < advisors.size(); i++) {
			Class<?> advice = advisors.get(i).getAdvice().getClass();
			boolean found = (interceptor != null)
					? advice.getEnclosingClass() == OutboxCompletion.class && advice.getSimpleName().equals(interceptor)
					: TransactionInterceptor.class.isAssignableFrom(advice);
			if (found) {
				return i;
			}
		}
		return -1;
	}

}
