package org.onevisit.architecture;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One web layout for every module: a controller (pages or API) lives in its module's
 * {@code internal.web} package and its name ends with {@code Controller}, so that a
 * module's endpoints are found in one place under one name.
 */
class ControllerLayoutTests {

	/**
	 * The container's error page belongs to the platform, beside the problem mapping it
	 * shares its package-private collaborators with; it is no module's page.
	 */
	static final Set<String> PLATFORM = Set.of("org.onevisit.platform.internal.ErrorPages");

	private static final Pattern LAYOUT = Pattern.compile("[a-z.]+\\.[a-z]+\\.internal\\.web\\.[A-Za-z]+Controller");

	@Test
	void everyControllerLivesInItsModulesInternalWebPackageAndIsNamedController() {
		List<String> controllers = controllers("org.onevisit");

		assertThat(controllers).as("the scan finds the controllers")
			.contains("org.onevisit.licences.internal.web.LicenceController",
					"org.onevisit.payments.internal.web.PaymentApiController");
		assertThat(misplaced(controllers)).as("controllers outside <module>.internal.web or not named …Controller")
			.isSubsetOf(PLATFORM);
	}

	@Test
	void aControllerOutsideInternalWebOrNotNamedControllerIsReported() {
		List<String> controllers = controllers("example.controllers");

		assertThat(misplaced(controllers)).containsExactly("example.controllers.alpha.internal.AlphaPages");
	}

	/** Every class annotated {@code @Controller} or {@code @RestController}. */
	static List<String> controllers(String basePackage) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		return scanner.findCandidateComponents(basePackage)
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.sorted()
			.toList();
	}

	static List<String> misplaced(List<String> controllers) {
		return controllers.stream().filter((name) -> !LAYOUT.matcher(name).matches()).toList();
	}

}
