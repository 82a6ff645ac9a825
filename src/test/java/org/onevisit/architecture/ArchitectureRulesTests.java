package org.onevisit.architecture;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.onevisit.applications.Application;
import org.onevisit.applications.Task;
import org.onevisit.architecture.SourceRules.JavaSource;
import org.onevisit.shared.OneVisitException;

import org.springframework.modulith.events.ApplicationModuleListener;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Rules of the code's shape that the module boundaries alone do not hold. */
class ArchitectureRulesTests {

	private static final JavaClasses PRODUCTION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.onevisit");

	/**
	 * Chinese data, not a sentence: the synonyms file's separator, the stored display
	 * name of a business account, the stored list of missing materials, and the label of
	 * the one review step an item gets when its catalogue entry names none (every step
	 * label is catalogue data in Chinese). Rendering them per locale would change what is
	 * saved.
	 */
	private static final Map<String, Set<String>> CHINESE_DATA = Map.of("org/onevisit/catalog/internal/Synonyms.java",
			Set.of("\"[,，]\""), "org/onevisit/identity/internal/AccountService.java", Set.of("\"（\"", "\"）\""),
			"org/onevisit/applications/Application.java", Set.of("\"；\""), "org/onevisit/catalog/Workflow.java",
			Set.of("\"决定\""));

	/** The one place the zone is written: the time zone setting's default. */
	private static final String ZONE_SETTING = "org/onevisit/platform/internal/TimeConfiguration.java";

	/**
	 * Never leaves the exchange: the registry client throws it, the fetcher catches it
	 * and writes its outcome on the access ledger, so it has no code for the API.
	 */
	private static final String EXCHANGE_FAILURE = "org.onevisit.exchange.internal.ExchangeFailure";

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

	@Test
	void javaWritesNoChineseTextOutsideTheDemoAndTheRegistries() {
		List<String> findings = findings(SourceRules::chineseLiterals,
				(source) -> !source.isIn("demo") && !source.isIn("registries"));

		assertThat(findings).filteredOn((finding) -> !isChineseData(finding))
			.as("a sentence goes through the message bundles; Chinese data lives with the data")
			.isEmpty();
	}

	@Test
	void theClockAloneDecidesTheTimeZone() {
		List<String> findings = findings(SourceRules::zoneChoices,
				(source) -> !source.isIn("demo") && !source.isIn("registries") && !source.path().equals(ZONE_SETTING));

		assertThat(findings).as("ask the Clock bean for its zone; bind it in SQL as :zone").isEmpty();
	}

	@Test
	void theTimeZoneSettingIsTheOnlyPlaceTheZoneIsNamed() {
		JavaSource setting = SourceRules.production()
			.stream()
			.filter((source) -> source.path().equals(ZONE_SETTING))
			.findFirst()
			.orElseThrow();

		assertThat(SourceRules.zoneChoices(setting))
			.containsExactly(ZONE_SETTING + ": \"${onevisit.time-zone:Asia/Shanghai}\"");
	}

	@Test
	void typesAreImportedNotNamedInline() {
		List<String> findings = findings(SourceRules::inlineQualifiedNames, (source) -> true);

		assertThat(findings).as("import the type; keep one of two clashing names qualified and list it here").isEmpty();
	}

	@Test
	void errorsAreTypedNotBareRuntimeExceptions() {
		DescribedPredicate<JavaClass> extendRuntimeExceptionItself = DescribedPredicate.describe(
				"extend RuntimeException itself",
				(javaClass) -> javaClass.getRawSuperclass()
					.map((superclass) -> superclass.isEquivalentTo(RuntimeException.class))
					.orElse(false));

		classes().that(extendRuntimeExceptionItself)
			.should()
			.haveFullyQualifiedName(OneVisitException.class.getName())
			.orShould()
			.haveFullyQualifiedName(EXCHANGE_FAILURE)
			.check(PRODUCTION);
		noClasses().that()
			.doNotHaveFullyQualifiedName(OneVisitException.class.getName())
			.and()
			.doNotHaveFullyQualifiedName(EXCHANGE_FAILURE)
			.should()
			.callConstructorWhere(target(owner(type(RuntimeException.class))))
			.because("errors are typed with stable codes: extend OneVisitException")
			.check(PRODUCTION);
	}

	@Test
	void moduleListenersNameTheirConditionAsAMethodNotAnExpression() {
		ArchCondition<JavaMethod> noExpression = new ArchCondition<>("have no SpEL condition") {

			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				String condition = method.getAnnotationOfType(ApplicationModuleListener.class).condition();
				if (!condition.isEmpty()) {
					events.add(SimpleConditionEvent.violated(method,
							method.getFullName() + " has the condition \"" + condition + "\""));
				}
			}

		};

		methods().that()
			.areAnnotatedWith(ApplicationModuleListener.class)
			.should(noExpression)
			.because("@OnlyWhen names the bean's method that decides, found once at start (ADR 17)")
			.check(PRODUCTION);
	}

	@Test
	void theChineseTextScanFindsLiteralsButNotComments() {
		JavaSource source = JavaSource.of("Sample.java", """
				// 注释
				class Sample {
					String title = "办理事项";
					String block = \"""
							说明，
							\""";
					String english = "done";
				}
				""");

		assertThat(SourceRules.chineseLiterals(source)).hasSize(2)
			.allSatisfy((finding) -> assertThat(finding).startsWith("Sample.java: \""));
	}

	@Test
	void theTimeZoneScanFindsAZoneLookupAndTheZoneInSql() {
		JavaSource source = JavaSource.of("Sample.java", """
				class Sample {
					// ZoneId.of("Europe/Paris") in a comment is not code
					ZoneId zone = ZoneId.of("UTC");
					String sql = "select day at time zone 'Asia/Shanghai'";
				}
				""");

		assertThat(SourceRules.zoneChoices(source)).containsExactly("Sample.java: ZoneId.of(",
				"Sample.java: \"select day at time zone 'Asia/Shanghai'\"");
	}

	@Test
	void theInlineNameScanFindsQualifiedNamesButNotImportsCommentsOrStrings() {
		JavaSource source = JavaSource.of("Sample.java", """
				package org.onevisit.sample;

				import java.util.List;

				/** Uses {@link java.util.Map}. */
				@Named("org.onevisit.Sample")
				class Sample {
					java.time.LocalDate day = org.onevisit.applications.SubmissionRefused.applicantInvalid();
					List<String> names = java.util.Collections
						.nCopies(2, "java.util.List");
				}
				""");

		assertThat(SourceRules.inlineQualifiedNames(source)).containsExactly("Sample.java:8: java.time.LocalDate",
				"Sample.java:8: org.onevisit.applications.SubmissionRefused", "Sample.java:9: java.util.Collections");
	}

	private static List<String> findings(Function<JavaSource, List<String>> rule, Predicate<JavaSource> checked) {
		return SourceRules.production()
			.stream()
			.filter(checked)
			.flatMap((source) -> rule.apply(source).stream())
			.toList();
	}

	private static boolean isChineseData(String finding) {
		return CHINESE_DATA.entrySet()
			.stream()
			.anyMatch((allowed) -> allowed.getValue()
				.stream()
				.anyMatch((literal) -> finding.equals(allowed.getKey() + ": " + literal)));
	}

}
