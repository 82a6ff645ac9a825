package org.onevisit.catalog.internal;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onevisit.catalog.CatalogueInvalid;
import org.onevisit.catalog.TaxSchedule;
import org.onevisit.catalog.TaxSchedule.Assessed;
import org.onevisit.catalog.TaxSchedule.Facts;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The taxes of a second-hand home as {@code catalog/taxes.yaml} sets them: the 2024
 * policy's deed tax by the buyer family's homes and the area, VAT by the years held, and
 * income tax exempt for the seller family's only home held five years.
 */
class TaxScheduleTests {

	static final String ITEM = "339900-TAX-001";

	static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	static final BigDecimal PRICE = new BigDecimal("2000000");

	static TaxSchedule schedule;

	@BeforeAll
	static void readTheSchedule() throws Exception {
		try (Reader reader = new InputStreamReader(new ClassPathResource("catalog/taxes.yaml").getInputStream(),
				StandardCharsets.UTF_8)) {
			schedule = TaxesYaml.read("taxes.yaml", reader);
		}
	}

	static Facts facts(String area, int buyerHomes, LocalDate registeredOn, int sellerHomes) {
		return new Facts(PRICE, new BigDecimal(area), registeredOn, buyerHomes, sellerHomes, TODAY);
	}

	static Assessed tax(String code, Facts facts) {
		return schedule.assess(ITEM, facts)
			.stream()
			.filter((assessed) -> assessed.tax().code().equals(code))
			.findFirst()
			.orElseThrow();
	}

	static final LocalDate SIX_YEARS_AGO = TODAY.minusYears(6);

	@Test
	void chargesOnePercentDeedTaxOnTheFamilysFirstHomeOf140SquareMetresOrLess() {
		Assessed deedTax = tax("deedTax", facts("140", 0, SIX_YEARS_AGO, 1));

		assertThat(deedTax.rule().rate()).isEqualByComparingTo("0.01");
		assertThat(deedTax.amount()).isEqualByComparingTo("20000.00");
		assertThat(deedTax.rule().basis()).contains("2024年第16号", "第一条第（一）项");
	}

	@Test
	void chargesOneAndAHalfPercentDeedTaxOnTheFamilysFirstHomeAbove140SquareMetres() {
		Assessed deedTax = tax("deedTax", facts("140.5", 0, SIX_YEARS_AGO, 1));

		assertThat(deedTax.amount()).isEqualByComparingTo("30000.00");
		assertThat(deedTax.rule().basis()).contains("2024年第16号");
	}

	@Test
	void chargesOnePercentOrTwoPercentDeedTaxOnTheFamilysSecondHomeByItsArea() {
		assertThat(tax("deedTax", facts("90", 1, SIX_YEARS_AGO, 1)).amount()).isEqualByComparingTo("20000.00");
		Assessed large = tax("deedTax", facts("180", 1, SIX_YEARS_AGO, 1));

		assertThat(large.amount()).isEqualByComparingTo("40000.00");
		assertThat(large.rule().basis()).contains("第一条第（二）项");
	}

	@Test
	void chargesThreePercentDeedTaxOnAThirdHomeOrMoreUnderTheDeedTaxLaw() {
		Assessed third = tax("deedTax", facts("90", 2, SIX_YEARS_AGO, 1));
		Assessed fifth = tax("deedTax", facts("90", 4, SIX_YEARS_AGO, 1));

		assertThat(third.amount()).isEqualByComparingTo("60000.00");
		assertThat(fifth.amount()).isEqualByComparingTo("60000.00");
		assertThat(third.rule().basis()).contains("《中华人民共和国契税法》第三条");
	}

	@Test
	void exemptsVatAfterTwoYearsOfOwnershipAndLeviesFivePercentOnThePriceWithoutTaxBefore() {
		Assessed held = tax("valueAddedTax", facts("90", 0, TODAY.minusYears(2), 1));
		Assessed recent = tax("valueAddedTax", facts("90", 0, TODAY.minusYears(2).plusDays(1), 1));

		assertThat(held.rule().exempt()).isTrue();
		assertThat(held.amount()).isEqualByComparingTo("0");
		assertThat(held.rule().basis()).contains("2024年第16号", "第二条");
		// 2,000,000 / 1.05 × 5 %
		assertThat(recent.base()).isEqualByComparingTo("1904761.90");
		assertThat(recent.amount()).isEqualByComparingTo("95238.10");
		assertThat(recent.rule().basis()).contains("财税〔2016〕36号");
	}

	@Test
	void exemptsIncomeTaxForTheFamilysOnlyHomeHeldFiveYearsAndChargesOnePercentOtherwise() {
		Assessed onlyHomeFiveYears = tax("individualIncomeTax", facts("90", 0, TODAY.minusYears(5), 1));
		Assessed secondHome = tax("individualIncomeTax", facts("90", 0, TODAY.minusYears(8), 2));
		Assessed fourYears = tax("individualIncomeTax", facts("90", 0, TODAY.minusYears(4), 1));

		assertThat(onlyHomeFiveYears.amount()).isEqualByComparingTo("0");
		assertThat(onlyHomeFiveYears.rule().basis()).contains("财税字〔1994〕20号", "国税发〔2007〕33号");
		assertThat(secondHome.amount()).isEqualByComparingTo("20000.00");
		assertThat(fourYears.amount()).isEqualByComparingTo("20000.00");
		assertThat(fourYears.rule().basis()).contains("国税发〔2006〕108号");
	}

	@Test
	void everyAssessedTaxCarriesItsLegalBasisAndTheCaseItApplies() {
		List<Assessed> assessed = schedule.assess(ITEM, facts("89.5", 0, LocalDate.of(2020, 8, 15), 1));

		assertThat(assessed).extracting((line) -> line.tax().code())
			.containsExactly("deedTax", "valueAddedTax", "individualIncomeTax");
		assertThat(assessed).allSatisfy((line) -> {
			assertThat(line.rule().basis()).isNotBlank();
			assertThat(line.rule().description()).isNotBlank();
		});
		assertThat(schedule.assess("339900-NR-001", facts("89.5", 0, SIX_YEARS_AGO, 1))).isEmpty();
	}

	@Test
	void aRuleNotYetInForceDoesNotApply() {
		// before the 2024 policy (2024-12-01), a first home paid the deed tax law's rate
		Facts before = new Facts(PRICE, new BigDecimal("90"), SIX_YEARS_AGO, 0, 1, LocalDate.of(2024, 11, 30));

		assertThat(tax("deedTax", before).rule().rate()).isEqualByComparingTo("0.03");
	}

	@Test
	void refusesAScheduleWithoutACatchAllRuleOrWithAnUnknownConditionNamingTheLine() {
		String yaml = """
				taxes:
				  - code: deedTax
				    name: 契税
				    assessedBy: 339900-TAX-001
				    base: price
				    rules:
				      - when: {buyerFamilyHomes: 0, floors: 3}
				        rate: 1.5
				        description: 首套
				        basis: 公告
				        from: 2024-12-01
				""";

		assertThatThrownBy(() -> TaxesYaml.read("taxes.yaml", new StringReader(yaml))).isInstanceOfSatisfying(
				CatalogueInvalid.class,
				(invalid) -> assertThat(invalid.problems()).extracting(Object::toString)
					.anySatisfy((problem) -> assertThat(problem).contains("taxes.yaml:7", "floors"))
					.anySatisfy((problem) -> assertThat(problem).contains("rate", "fraction"))
					.anySatisfy((problem) -> assertThat(problem).contains("no conditions")));
	}

}
