package org.onevisit.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.onevisit.catalog.ApprovalRule;
import org.onevisit.catalog.CatalogueDocument;
import org.onevisit.catalog.CatalogueInvalid;
import org.onevisit.catalog.CatalogueProblem;
import org.onevisit.catalog.RegistryFields;
import org.onevisit.catalog.ServiceItem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Conditions of eligibility are catalogue data in the language of instant approval,
 * checked at load against the item's form and the data-sharing catalogue.
 */
class EligibilityConditionsTests {

	/** The data-sharing catalogue's elements and fields, as the exchange reads them. */
	@SuppressWarnings("unchecked")
	static RegistryFields dataCatalogue() throws IOException {
		Map<String, Set<String>> fields = new HashMap<>();
		try (InputStream in = new ClassPathResource("exchange/data-elements.yaml").getInputStream()) {
			Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			for (Map<String, Object> element : (List<Map<String, Object>>) document.get("elements")) {
				fields.put((String) element.get("code"), Set.copyOf((List<String>) element.get("fields")));
			}
		}
		return (element) -> Optional.ofNullable(fields.get(element));
	}

	static CatalogueRules.Context knowing(RegistryFields registries) {
		return new DemoCatalogue.KnowingEverything() {
			@Override
			public RegistryFields registryFields() {
				return registries;
			}
		};
	}

	static ServiceItem item(CatalogueDocument document, String code) {
		return document.items().stream().filter((item) -> item.code().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void everyConditionOfTheDemoCatalogueReadsWhatTheDataCatalogueHasAndSaysItInWordsWithItsBasis() throws IOException {
		CatalogueDocument demo = DemoCatalogue.read(knowing(dataCatalogue()));

		List<ApprovalRule> conditions = demo.items().stream().flatMap((item) -> item.eligibility().stream()).toList();
		assertThat(conditions).isNotEmpty()
			.allSatisfy((condition) -> assertThat(condition.sentence()).isNotBlank())
			.allSatisfy((condition) -> assertThat(condition.sentenceEn()).isNotBlank())
			.allSatisfy((condition) -> assertThat(condition.basis()).contains("《"));
		assertThat(item(demo, "339900-CIVIL-001").eligibility()).extracting(ApprovalRule::name)
			.containsExactly("partyAHasNoSpouse", "partyAOfMarriageableAge", "partyBHasNoSpouse",
					"partyBOfMarriageableAge");
		assertThat(item(demo, "339900-CIVIL-001").eligibility().get(1).basis()).contains("第一千零四十七条");
		assertThat(item(demo, "339900-NR-001").eligibility()).extracting(ApprovalRule::name)
			.containsExactly("sellerIsRegisteredOwner", "propertyNotSeized", "noObjectionRegistered",
					"mortgageReleasedOrConsented");
		assertThat(item(demo, "339900-TAX-005").eligibility()).extracting(ApprovalRule::name, ApprovalRule::check)
			.containsExactly(tuple("subjectIsFiler", ApprovalRule.Check.IS_FILER));
		assertThat(item(demo, "339900-HEALTH-001").eligibility()).extracting(ApprovalRule::name)
			.containsExactly("filerIsParent");
	}

	@Test
	void conditionsSurviveExportAndImport() throws IOException {
		CatalogueDocument demo = DemoCatalogue.read(CatalogueRules.Context.EMPTY);

		CatalogueDocument again = CatalogueYaml.read("export.yaml", new StringReader(CatalogueYaml.write(demo)),
				CatalogueRules.Context.EMPTY);

		assertThat(item(again, "339900-NR-001").eligibility()).isEqualTo(item(demo, "339900-NR-001").eligibility());
		assertThat(item(again, "339900-CIVIL-001").eligibility())
			.isEqualTo(item(demo, "339900-CIVIL-001").eligibility());
	}

	private static final String ITEM = """
			code: T-200
			name: 条件测试
			department: tax
			region: "339900"
			limits: {statutory: 10, committed: 5}
			channels: both
			visits: 1
			materialsBefore: 1
			parties: [{field: personId, role: applicant}]
			form:
			  - {name: personId, label: 身份证号码, type: residentId, required: true}
			  - {name: note, label: 备注, type: string}
			eligibility:
			""";

	private static List<CatalogueProblem> problemsOf(String conditions) throws IOException {
		try {
			CatalogueYaml.readItem("item.yaml", new StringReader(ITEM + conditions), knowing(dataCatalogue()));
			return List.of();
		}
		catch (CatalogueInvalid invalid) {
			return invalid.problems();
		}
	}

	@Test
	void refusesAConditionNamingAnElementOrAFieldNoRegistryShares() throws IOException {
		List<CatalogueProblem> problems = problemsOf(
				"""
						  - {name: knownPerson, element: population.passport, check: present, of: personId, sentence: 有护照, basis: 某法}
						  - {name: adult, element: population.identity, field: dateOfBirth, check: ageAtLeast, value: "18", of: personId, sentence: 已成年, basis: 某法}
						  - {name: sameFlat, element: realestate.ownership, match: {field: certNo, form: note}, check: present, of: personId, sentence: 有房, basis: 某法}
						""");

		assertThat(problems).extracting(CatalogueProblem::line, CatalogueProblem::field)
			.containsExactly(tuple(14, "item.eligibility[0].element"), tuple(15, "item.eligibility[1].field"),
					tuple(16, "item.eligibility[2].match.field"));
		assertThat(problems.get(1).message()).contains("birthDate");
	}

	@Test
	void refusesAConditionWithoutWordsOrBasis() throws IOException {
		List<CatalogueProblem> problems = problemsOf(
				"""
						  - {name: noWords, element: population.identity, field: birthDate, check: ageAtLeast, value: "18", of: personId, basis: 某法}
						  - {name: noBasis, form: personId, check: isFiler, sentence: 本人}
						""");

		assertThat(problems).extracting(CatalogueProblem::line, CatalogueProblem::field)
			.containsExactly(tuple(14, "item.eligibility[0].sentence"), tuple(15, "item.eligibility[1].basis"));
	}

	@Test
	void refusesAConditionWhoseValuesDoNotParseOrWhoseFormFieldIsNoIdentifier() throws IOException {
		List<CatalogueProblem> problems = problemsOf(
				"""
						  - {name: oneAge, element: population.identity, field: birthDate, check: ageBySexAtLeast, values: ["22"], of: personId, sentence: 婚龄, basis: 某法}
						  - {name: noValues, element: marriage.status, field: status, check: oneOf, of: personId, sentence: 无配偶, basis: 某法}
						  - {name: Not a code, form: ghost, check: isFiler, sentence: 本人, basis: 某法}
						""");

		assertThat(problems).extracting(CatalogueProblem::line, CatalogueProblem::field)
			.containsExactly(tuple(14, "item.eligibility[0].values"), tuple(15, "item.eligibility[1].values"),
					tuple(16, "item.eligibility[2].form"), tuple(16, "item.eligibility[2].form"),
					tuple(16, "item.eligibility[2].name"));
	}

}
