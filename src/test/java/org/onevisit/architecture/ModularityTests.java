package org.onevisit.architecture;

import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitApplication;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module structure is the architecture: each direct sub-package of
 * {@code org.onevisit} is a capability, reachable only through its root package. The
 * diagrams in {@code docs/modules/} are written from the code on every build.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(OneVisitApplication.class);

	@Test
	void modulesReachEachOtherOnlyThroughTheirPublicApiAndFormNoCycle() {
		MODULES.verify();
	}

	@Test
	void everyCapabilityIsAModule() {
		assertThat(MODULES.stream().map((module) -> module.getBasePackage().getName())).contains("org.onevisit.shared",
				"org.onevisit.platform", "org.onevisit.identity", "org.onevisit.calendar", "org.onevisit.catalog",
				"org.onevisit.portal", "org.onevisit.demo");
	}

	@Test
	void verificationFailsWhenAModuleReachesIntoAnotherModulesInternals() {
		// example.broken.alpha uses a type from example.broken.beta.internal
		// the fixture lives in the test sources, which module detection leaves out by
		// default
		ApplicationModules broken = ApplicationModules.of("example.broken", (location) -> true);

		assertThatThrownBy(broken::verify).hasMessageContaining("internal");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation()
			.writeModuleCanvases();
	}

}
