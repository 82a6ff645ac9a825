package org.onevisit.catalog.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.CatalogueDocument;
import org.onevisit.catalog.CatalogueInvalid;
import org.onevisit.catalog.ServiceItem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onevisit.catalog.internal.CatalogueRefusals.problemsOf;

/**
 * Items of a bundle that wait for another item's result, and review steps that must be
 * done by someone else: the catalogue refuses what could never work, by line.
 */
class BundleNeedsTests {

	static final String ITEMS = TestCatalogues.text("opening-bundle-without-needs.yaml");

	static CatalogueDocument read(String needs) {
		return CatalogueYaml.read("needs.yaml", new StringReader(ITEMS + needs), CatalogueRules.Context.EMPTY);
	}

	static List<String> problems(String needs) {
		try {
			read(needs);
		}
		catch (CatalogueInvalid invalid) {
			return invalid.problems()
				.stream()
				.map((problem) -> problem.line() + " " + problem.field() + ": " + problem.message())
				.toList();
		}
		throw new AssertionError("the catalogue was accepted");
	}

	@Test
	void readsWhatEachItemWaitsForAndKeepsItOnExport() {
		CatalogueDocument document = read("""
				    needs:
				      T-PERMIT: [T-LICENCE]
				      T-FILING: [T-LICENCE, T-PERMIT]
				""");

		Bundle bundle = document.bundles().get(0);
		assertThat(bundle.needs()).containsExactly(Map.entry("T-PERMIT", List.of("T-LICENCE")),
				Map.entry("T-FILING", List.of("T-LICENCE", "T-PERMIT")));
		assertThat(bundle.needed("T-LICENCE")).isTrue();
		assertThat(bundle.needed("T-FILING")).isFalse();
		CatalogueDocument again = CatalogueYaml.read("export.yaml", new StringReader(CatalogueYaml.write(document)),
				CatalogueRules.Context.EMPTY);
		assertThat(again.bundles().get(0).needs()).isEqualTo(bundle.needs());
	}

	@Test
	void refusesItemsWaitingForEachOtherWithTheLineOfTheCycle() {
		assertThat(problems("""
				    needs:
				      T-LICENCE: [T-FILING]
				      T-PERMIT: [T-LICENCE]
				      T-FILING: [T-PERMIT]
				""")).contains(
				"48 bundles[0].needs.T-LICENCE[0]: item T-FILING issues no licence for T-LICENCE to wait for",
				"48 bundles[0].needs.T-LICENCE: items wait for each other's results and would never open:"
						+ " T-LICENCE -> T-FILING -> T-PERMIT -> T-LICENCE");
		assertThat(problems("""
				    needs:
				      T-PERMIT: [T-PERMIT]
				""")).containsExactly("48 bundles[0].needs.T-PERMIT: items wait for each other's results and would"
				+ " never open: T-PERMIT -> T-PERMIT");
	}

	@Test
	void refusesWaitingForAnUnknownItemAnItemOutsideTheBundleOneWithoutALicenceOrWithAFee() {
		List<String> problems = problems("""
				    needs:
				      T-PERMIT: [T-NOWHERE, T-FILING, T-PAID]
				      T-ELSEWHERE: [T-LICENCE]
				""");

		assertThat(problems).containsExactlyInAnyOrder("48 bundles[0].needs.T-PERMIT[0]: unknown item T-NOWHERE",
				"48 bundles[0].needs.T-PERMIT[1]: item T-FILING issues no licence for T-PERMIT to wait for",
				"48 bundles[0].needs.T-PERMIT[2]: item T-PAID carries a fee, but its result is produced before the"
						+ " matter is paid: an item another needs must be free",
				"49 bundles[0].needs.T-ELSEWHERE: unknown item T-ELSEWHERE");
	}

	@Test
	void declaresForRealWhatTheBusinessStartupAndTheRestaurantWaitFor() throws IOException {
		CatalogueDocument seed = CatalogueYamlTests.seed();

		Bundle startup = bundle(seed, "business-startup");
		assertThat(startup.needs()).containsOnlyKeys("339900-POLICE-002", "339900-TAX-002", "339900-TAX-003",
				"339900-HRSS-001");
		assertThat(startup.needs().values())
			.allSatisfy((needed) -> assertThat(needed).containsExactly("339900-SAMR-001"));
		assertThat(bundle(seed, "restaurant").needsOf("339900-SAMR-003")).containsExactly("339900-SAMR-002");
		assertThat(bundle(seed, "flat-transfer").needs()).isEmpty();
	}

	@Test
	void refusesASeparationOfDutiesNamingAStepThatIsMissingOrNeverComesBefore() {
		String item = TestCatalogues.text("item-with-separation-of-duties.yaml");

		assertThat(problemsOf(
				() -> CatalogueYaml.readItem("item.yaml", new StringReader(item), DemoCatalogue.KNOWING_EVERYTHING)))
			.extracting((problem) -> problem.line() + " " + problem.field() + ": " + problem.message())
			.containsExactly("11 item.workflow[1].notBy[0]: step record never comes before examine",
					"12 item.workflow[2].notBy[1]: no step missing",
					"12 item.workflow[2].notBy[2]: step record never comes before record");
		ServiceItem good = CatalogueYaml.readItem("good.yaml",
				new StringReader(item.replace(", notBy: [record]}", "}").replace("accept, missing, record", "accept")),
				DemoCatalogue.KNOWING_EVERYTHING);
		assertThat(good.workflow().step("record"))
			.hasValueSatisfying((record) -> assertThat(record.notBy()).containsExactly("accept"));
		assertThat(CatalogueYaml.readItem("again.yaml", new StringReader(CatalogueYaml.writeItem(good)),
				DemoCatalogue.KNOWING_EVERYTHING))
			.isEqualTo(good);
	}

	private static Bundle bundle(CatalogueDocument document, String code) {
		return document.bundles().stream().filter((bundle) -> bundle.code().equals(code)).findFirst().orElseThrow();
	}

}
