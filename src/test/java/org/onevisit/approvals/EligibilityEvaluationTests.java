package org.onevisit.approvals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onevisit.catalog.ApprovalRule;
import org.onevisit.catalog.ApprovalRule.Check;
import org.onevisit.exchange.DataExchange.DataQuery;
import org.onevisit.exchange.DataExchange.DataReading;
import org.onevisit.platform.Bundles;
import org.onevisit.platform.Sentences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onevisit.platform.Bundles.CHINESE;
import static org.onevisit.platform.Bundles.ENGLISH;

/** The checks conditions of eligibility add to the language of instant approval. */
class EligibilityEvaluationTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	static final String MAN = "339902199211080037";

	static final String WOMAN = "339903198804160026";

	final Sentences sentences = Bundles.sentences();

	static ApprovalRule condition(String name, String element, String field, Check check, List<String> values,
			ApprovalRule.Match match, boolean absentHolds) {
		return new ApprovalRule(name, element, field, null, check, null, "personId", null, values, match, absentHolds,
				"条件" + name, "condition " + name, "某法");
	}

	static DataReading current(String subject, List<Map<String, Object>> records) {
		return new DataReading(new DataQuery("x", subject), DataReading.Reading.CURRENT,
				records.isEmpty() ? Map.of() : records.get(0), "realestate",
				TODAY.minusDays(2).atStartOfDay(BEIJING).toInstant(), records);
	}

	static ApprovalTrace.Verdict verdict(ApprovalRule condition, DataReading reading, Map<String, Object> form,
			String filer) {
		return RuleEvaluation.judge(List.of(condition), form, (rule) -> reading, TODAY, BEIJING, filer)
			.get(0)
			.verdict();
	}

	@Test
	void theAgeOfMarriageDependsOnTheSexTheResidentIdCarries() {
		ApprovalRule age = condition("age", "population.identity", "birthDate", Check.AGE_BY_SEX_AT_LEAST,
				List.of("22", "20"), null, false);
		Map<String, Object> twentyOne = Map.of("birthDate", "2005-06-01");

		assertThat(verdict(age, current(MAN, List.of(twentyOne)), Map.of(), null))
			.isEqualTo(ApprovalTrace.Verdict.FAILS);
		assertThat(verdict(age, current(WOMAN, List.of(twentyOne)), Map.of(), null))
			.isEqualTo(ApprovalTrace.Verdict.HOLDS);
	}

	@Test
	void oneOfHoldsOnlyForTheListedValues() {
		ApprovalRule single = condition("single", "marriage.status", "status", Check.ONE_OF, List.of("未婚", "离异", "丧偶"),
				null, false);

		assertThat(verdict(single, current(MAN, List.of(Map.of("status", "离异"))), Map.of(), null))
			.isEqualTo(ApprovalTrace.Verdict.HOLDS);
		assertThat(verdict(single, current(MAN, List.of(Map.of("status", "已婚"))), Map.of(), null))
			.isEqualTo(ApprovalTrace.Verdict.FAILS);
	}

	@Test
	void theFilerIsNamedByAFormFieldOrAmongTheIdsOfARecord() {
		ApprovalRule own = new ApprovalRule("own", null, null, "personId", Check.IS_FILER, null, null, null, List.of(),
				null, false, "本人", null, "某法");
		ApprovalRule parent = condition("parent", "births.delivery", "parentIds", Check.IS_FILER, List.of(), null,
				false);
		DataReading birth = current(WOMAN, List.of(Map.of("parentIds", List.of(WOMAN, MAN))));

		assertThat(verdict(own, null, Map.of("personId", MAN), MAN)).isEqualTo(ApprovalTrace.Verdict.HOLDS);
		assertThat(verdict(own, null, Map.of("personId", WOMAN), MAN)).isEqualTo(ApprovalTrace.Verdict.FAILS);
		assertThat(verdict(parent, birth, Map.of(), MAN)).isEqualTo(ApprovalTrace.Verdict.HOLDS);
		assertThat(verdict(parent, birth, Map.of(), "339903199007180029")).isEqualTo(ApprovalTrace.Verdict.FAILS);
	}

	@Test
	void aMatchJudgesOnlyTheRecordsOfTheFlatOnTheForm() {
		ApprovalRule notSeized = new ApprovalRule("notSeized", "realestate.ownership", "seized", null, Check.EQUALS,
				"false", "personId", null, List.of(), new ApprovalRule.Match("certificateNo", "certificateNo"), false,
				"房屋未被查封", null, "某法");
		DataReading two = current(MAN,
				List.of(Map.of("certificateNo", "A", "seized", true), Map.of("certificateNo", "B", "seized", false)));

		assertThat(verdict(notSeized, two, Map.of("certificateNo", "B"), null)).isEqualTo(ApprovalTrace.Verdict.HOLDS);
		assertThat(verdict(notSeized, two, Map.of("certificateNo", "A"), null)).isEqualTo(ApprovalTrace.Verdict.FAILS);
		assertThat(verdict(notSeized, two, Map.of("certificateNo", "C"), null))
			.isEqualTo(ApprovalTrace.Verdict.UNKNOWN);
	}

	@Test
	void noRecordHoldsOnlyWhereTheCatalogueSaysSoAndOtherwiseIsNeverASilentPass() {
		ApprovalRule mortgage = condition("mortgage", "realestate.mortgage", "status", Check.ONE_OF, List.of("已注销"),
				null, true);
		ApprovalRule single = condition("single", "marriage.status", "status", Check.ONE_OF, List.of("未婚"), null,
				false);
		DataReading none = new DataReading(new DataQuery("x", MAN), DataReading.Reading.NOT_FOUND, Map.of(),
				"realestate", null);
		DataReading down = new DataReading(new DataQuery("x", MAN), DataReading.Reading.UNAVAILABLE, Map.of(),
				"marriage", null);

		assertThat(verdict(mortgage, none, Map.of(), null)).isEqualTo(ApprovalTrace.Verdict.HOLDS);
		assertThat(verdict(single, none, Map.of(), null)).isEqualTo(ApprovalTrace.Verdict.UNKNOWN);
		assertThat(verdict(mortgage, down, Map.of(), null)).isEqualTo(ApprovalTrace.Verdict.UNKNOWN);
	}

	@Test
	void aConditionReadsAsItsSentenceInTheReadersLanguage() {
		ApprovalRule single = condition("single", "marriage.status", "status", Check.ONE_OF, List.of("未婚"), null,
				false);

		ApprovalTrace.Line line = RuleEvaluation
			.judge(List.of(single), Map.of(), (rule) -> current(MAN, List.of(Map.of("status", "已婚"))), TODAY, BEIJING,
					null)
			.get(0);

		assertThat(this.sentences.render(line.text(), CHINESE)).startsWith("条件single：否（");
		assertThat(this.sentences.render(line.text(), ENGLISH)).startsWith("condition single: no (");
		assertThat(line.rule()).isEqualTo("single");
	}

}
