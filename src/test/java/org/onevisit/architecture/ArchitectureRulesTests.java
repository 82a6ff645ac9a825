package org.onevisit.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.onevisit.applications.Application;
import org.onevisit.applications.Task;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

/** Rules of the code's shape that the module boundaries alone do not hold. */
class ArchitectureRulesTests {

	private static final JavaClasses PRODUCTION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.onevisit");

	@Test
	void onlyTheRepositoryRestoresASavedApplication() {
		methods().that()
			.haveName("restore")
			.and()
			.areDeclaredIn(Application.class)
			.or()
			.haveName("restore")
			.and()
			.areDeclaredIn(Task.class)
			.should()
			.onlyBeCalled()
			.byClassesThat()
			.resideInAPackage("org.onevisit.applications.internal..")
			.check(PRODUCTION);
	}

}
