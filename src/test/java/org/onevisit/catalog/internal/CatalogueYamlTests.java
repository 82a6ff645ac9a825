package org.onevisit.catalog.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.CatalogueDocument;
import org.onevisit.catalog.CatalogueProblem;
import org.onevisit.catalog.Material;
import org.onevisit.catalog.MaterialSource;
import org.onevisit.catalog.Party;
import org.onevisit.catalog.ServiceItem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.onevisit.catalog.internal.CatalogueRefusals.problemsOf;

class CatalogueYamlTests {

	static CatalogueDocument seed() throws IOException {
		return DemoCatalogue.read(CatalogueRules.Context.EMPTY);
	}

	/**
	 * The problems a whole catalogue, a test file, is refused with when read under the
	 * name given: the test fails where it is accepted.
	 */
	static List<CatalogueProblem> problemsReading(String file, String as) {
		String text = TestCatalogues.text(file);
		return problemsOf(() -> CatalogueYaml.read(as, new StringReader(text), CatalogueRules.Context.EMPTY));
	}

	@Test
	void theDemoCityHasAtLeastFortyItemsInNineDepartmentsTheFourBundlesOfTheBriefALicensedBusinesssOwnAndTheBankCounter()
			throws IOException {
		CatalogueDocument seed = seed();

		assertThat(seed.items()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(seed.departments()).hasSizeGreaterThanOrEqualTo(9);
		assertThat(seed.items().stream().map(ServiceItem::departmentCode).distinct()).hasSizeGreaterThanOrEqualTo(9);
		assertThat(seed.bundles()).extracting(Bundle::code)
			.containsExactlyInAnyOrder("flat-transfer", "business-startup", "restaurant", "licensed-restaurant",
					"newborn", "mortgage-payoff");
		assertThat(seed.regions()).extracting((region) -> region.level().name()).contains("PROVINCE", "CITY", "COUNTY");
	}

	@Test
	void marksMaterialsBySourceWithEverySourceInUse() throws IOException {
		Map<MaterialSource, Long> bySource = seed().items()
			.stream()
			.flatMap((item) -> item.materials().stream())
			.collect(Collectors.groupingBy(Material::source, Collectors.counting()));

		assertThat(bySource).containsOnlyKeys(MaterialSource.values());
		assertThat(bySource.get(MaterialSource.SHARED_DATA)).isGreaterThan(bySource.get(MaterialSource.UPLOAD));
		assertThat(bySource.get(MaterialSource.WAIVED)).isGreaterThanOrEqualTo(10);
	}

	@Test
	void theFlatTransferAsksTheApplicantToUploadNothingADepartmentHolds() throws IOException {
		CatalogueDocument seed = seed();
		Map<String, ServiceItem> items = seed.items()
			.stream()
			.collect(Collectors.toMap(ServiceItem::code, Function.identity()));
		Bundle flat = seed.bundles()
			.stream()
			.filter((bundle) -> bundle.code().equals("flat-transfer"))
			.findFirst()
			.orElseThrow();

		assertThat(flat.itemCodes()).extracting((code) -> items.get(code).departmentCode())
			.containsExactly("housing", "tax", "nr");
		assertThat(flat.itemCodes().stream().flatMap((code) -> items.get(code).materials().stream()))
			.extracting(Material::source)
			.doesNotContain(MaterialSource.UPLOAD);
	}

	@Test
	void writesACanonicalTextThatReadsBackToTheSameCatalogue() throws IOException {
		CatalogueDocument seed = seed();

		String text = CatalogueYaml.write(seed);
		CatalogueDocument again = CatalogueYaml.read("export.yaml", new StringReader(text),
				CatalogueRules.Context.EMPTY);

		assertThat(again).isEqualTo(seed);
		assertThat(CatalogueYaml.write(again)).isEqualTo(text);
	}

	@Test
	void refusesAMalformedFileWholeNamingEveryProblemByLineAndField() {
		assertThat(problemsReading("malformed.yaml", "bad.yaml"))
			.extracting(CatalogueProblem::file, CatalogueProblem::line, CatalogueProblem::field)
			.containsExactly(tuple("bad.yaml", 5, "departments[1].creditCode"),
					tuple("bad.yaml", 15, "items[0].colour"), tuple("bad.yaml", 26, "items[1].channels"),
					tuple("bad.yaml", 27, "items[1].visits"));
	}

	@Test
	void refusesFieldLimitsThatDoNotFitTheFieldNamingTheirLines() {
		assertThat(problemsReading("field-limits-that-do-not-fit.yaml", "limits.yaml"))
			.extracting(CatalogueProblem::line, CatalogueProblem::field)
			.containsExactly(tuple(15, "items[0].form[0].minimum"), tuple(16, "items[0].form[1].minimum"),
					tuple(16, "items[0].form[1].maximum"), tuple(17, "items[0].form[2].maxLength"),
					tuple(18, "items[0].form[3].maxLength"), tuple(19, "items[0].form[4].minimum"));
	}

	@Test
	void checksTheRulesOnceTheFileReadsWellAndNamesEachBreach() {
		assertThat(problemsReading("rule-breaches.yaml", "rules.yaml"))
			.extracting(CatalogueProblem::line, CatalogueProblem::field)
			.containsExactly(tuple(8, "items[0].department"), tuple(10, "items[0].limits.committed"),
					tuple(12, "items[0].visits"), tuple(17, "items[0].materials[0].dataElement"),
					tuple(18, "items[0].materials[1].dataElement"), tuple(15, "items[0].form[0].options"),
					// a resident ID field no party declares
					tuple(28, "items[1].form[0]"),
					// T-002's id is a required resident ID: an optional text
					// field cannot fill it
					tuple(37, "bundles[0].form[0].maps.T-002"), tuple(34, "bundles[0].form[0].required"),
					tuple(37, "bundles[0].form[0].maps.T-009"), tuple(38, "bundles[0].form[1].maps"));

	}

	@Test
	void refusesAFormThatNamesAPersonNoPartyDeclaresWithTheLineOfTheField() {
		String item = TestCatalogues.text("item-naming-a-person-no-party-declares.yaml");

		assertThat(problemsOf(
				() -> CatalogueYaml.readItem("item.yaml", new StringReader(item), DemoCatalogue.KNOWING_EVERYTHING)))
			.extracting(CatalogueProblem::line, CatalogueProblem::field)
			.containsExactly(tuple(15, "item.parties[1].property"), tuple(16, "item.parties[2].field"),
					tuple(11, "item.form[1]"), tuple(12, "item.form[2]"), tuple(16, "item.parties[2].confirms"));
	}

	@Test
	void readsEachItemsPartiesAndKeepsThemOnExport() throws IOException {
		CatalogueDocument seed = seed();
		ServiceItem transfer = seed.items()
			.stream()
			.filter((item) -> item.code().equals("339900-NR-001"))
			.findFirst()
			.orElseThrow();
		ServiceItem marriage = seed.items()
			.stream()
			.filter((item) -> item.code().equals("339900-CIVIL-001"))
			.findFirst()
			.orElseThrow();

		assertThat(transfer.parties()).containsExactly(
				Party.named("sellerId", Party.Role.SELLER, Party.Confirmation.ONLINE_OR_HALL),
				new Party("sellerId", Party.Role.CO_OWNER, Party.Confirmation.ONLINE_OR_HALL,
						Party.Source.REGISTERED_OWNERS, "certificateNo"),
				Party.named("buyerId", Party.Role.BUYER, Party.Confirmation.ONLINE_OR_HALL));
		assertThat(marriage.parties()).extracting(Party::confirmation)
			.containsOnly(Party.Confirmation.IN_PERSON)
			.hasSize(2);
		assertThat(seed.items()).allSatisfy((item) -> assertThat(item.parties()).isNotEmpty());
		assertThat(seed.bundles()).allSatisfy((bundle) -> assertThat(bundle.parties()).isNotEmpty());
		assertThat(CatalogueYaml
			.readItem("again.yaml", new StringReader(CatalogueYaml.writeItem(transfer)),
					DemoCatalogue.KNOWING_EVERYTHING)
			.parties()).isEqualTo(transfer.parties());
	}

	@Test
	void refusesASameMatterNamingAFieldTheFormDoesNotHaveWithItsLine() throws IOException {
		String item = TestCatalogues.text("item-with-a-same-matter-of-missing-fields.yaml");
		CatalogueRules.Context context = DemoCatalogue.KNOWING_EVERYTHING;

		assertThat(problemsOf(() -> CatalogueYaml.readItem("item.yaml", new StringReader(item), context)))
			.extracting((problem) -> problem.line() + " " + problem.field() + ": " + problem.message())
			.containsExactly("7 item.sameMatter[1]: the item's form has no field companyAddress",
					"7 item.sameMatter[2]: field companyName is named twice");
		ServiceItem good = CatalogueYaml.readItem("item.yaml",
				new StringReader(item.replace("[companyName, companyAddress, companyName]", "[companyName]")), context);
		assertThat(good.sameMatter()).containsExactly("companyName");
		assertThat(seed().items()).filteredOn((each) -> each.code().equals("339900-CIVIL-001"))
			.singleElement()
			.satisfies((marriage) -> assertThat(marriage.sameMatter()).containsExactly("partyAId", "partyBId"));
	}

	@Test
	void refusesAReviewThatCouldNeverFinishNamingEachFaultyStep() {
		String item = TestCatalogues.text("item-whose-review-could-never-finish.yaml");
		CatalogueRules.Context context = DemoCatalogue.KNOWING_EVERYTHING;

		assertThat(problemsOf(() -> CatalogueYaml.readItem("item.yaml", new StringReader(item), context)))
			.extracting(CatalogueProblem::line, CatalogueProblem::field)
			.containsExactly(tuple(15, "item.workflow[5].role"));
		String withRole = item.replace("{name: nobody, next: [orphan]}",
				"{name: nobody, role: reviewer, next: [orphan]}");
		assertThat(problemsOf(() -> CatalogueYaml.readItem("item.yaml", new StringReader(withRole), context)))
			.extracting((problem) -> problem.line() + " " + problem.field() + ": " + problem.message())
			.containsExactly("14 item.workflow[4].role: no clerk can act: the item is not handled at a hall",
					"10 item.workflow[0].next: no step missing",
					"10 item.workflow[0]: step accept can never lead to a decision",
					"11 item.workflow[1]: step review can never lead to a decision",

					"12 item.workflow[2]: step loop can never lead to a decision",
					"13 item.workflow[3]: step orphan can never be reached from the first step",
					"14 item.workflow[4]: step counter can never be reached from the first step",
					"15 item.workflow[5]: step nobody can never be reached from the first step");
	}

	@Test
	void refusesApprovalRulesThatCouldNeverBeEvaluatedAndKeepsGoodOnesOnExport() throws IOException {
		String item = TestCatalogues.text("item-with-approval-rules-good-and-bad.yaml");
		CatalogueRules.Context context = DemoCatalogue.KNOWING_EVERYTHING;

		assertThat(problemsOf(() -> CatalogueYaml.readItem("item.yaml", new StringReader(item), context)))
			.extracting(CatalogueProblem::field)
			.containsExactlyInAnyOrder("item.approval[2]", "item.approval[3].form", "item.approval[4].value",
					"item.approval[5].value", "item.approval[6].of");

		String good = item.substring(0, item.indexOf("  - {name: 两头都有"));
		ServiceItem read = CatalogueYaml.readItem("good.yaml", new StringReader(good), context);
		assertThat(read.approvalRules()).hasSize(2);
		assertThat(CatalogueYaml.readItem("again.yaml", new StringReader(CatalogueYaml.writeItem(read)), context))
			.isEqualTo(read);
	}

	@Test
	void keepsTheReviewStepsOfTheSeed() throws IOException {
		ServiceItem transfer = seed().items()
			.stream()
			.filter((item) -> item.code().equals("339900-NR-001"))
			.findFirst()
			.orElseThrow();

		assertThat(transfer.workflow().steps()).extracting((step) -> step.name())
			.containsExactly("accept", "examine", "record");
		assertThat(transfer.workflow().first().decides()).isFalse();
		assertThat(transfer.workflow().step("record"))
			.hasValueSatisfying((step) -> assertThat(step.decides()).isTrue());
	}

	@Test
	void refusesSomethingThatIsNotYamlWithTheLineOfTheFault() {

		assertThat(problemsOf(() -> CatalogueYaml.read("x.yaml", new StringReader("items:\n  - code: [unclosed\n"),
				CatalogueRules.Context.EMPTY)))
			.singleElement()
			.satisfies((problem) -> assertThat(problem.message()).startsWith("not valid YAML"));
	}

}
