package org.onevisit.approvals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onevisit.catalog.ApprovalRule;
import org.onevisit.exchange.DataExchange.DataQuery;
import org.onevisit.exchange.DataExchange.DataReading;
import org.onevisit.platform.Bundles;
import org.onevisit.platform.Sentences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onevisit.platform.Bundles.CHINESE;
import static org.onevisit.platform.Bundles.ENGLISH;

class RuleEvaluationTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	static final ApprovalRule ADULT = new ApprovalRule("纳税人年满18周岁", "population.identity", "birthDate", null,
			ApprovalRule.Check.AGE_AT_LEAST, "18", "taxpayerId", null);

	static final ApprovalRule NO_ARREARS = new ApprovalRule("纳税人无欠税", "tax.clearance", "arrears", null,
			ApprovalRule.Check.EQUALS, "false", "taxpayerId", 30);

	final Sentences sentences = Bundles.sentences();

	static DataReading reading(String registry, Map<String, Object> record, String updatedOn) {
		return new DataReading(new DataQuery("x", "y"), DataReading.Reading.CURRENT, record, registry,
				LocalDate.parse(updatedOn).atStartOfDay(BEIJING).plusHours(9).toInstant());
	}

	List<ApprovalTrace.Line> judge(ApprovalRule rule, DataReading reading) {
		return RuleEvaluation.judge(List.of(rule), Map.of(), (r) -> reading, TODAY, BEIJING);
	}

	@Test
	void aRuleThatHoldsReadsAsBeforeInChineseAndInEnglishInEnglish() {
		ApprovalTrace.Line line = judge(ADULT, reading("population", Map.of("birthDate", "1985-03-12"), "2026-11-22"))
			.get(0);

		assertThat(line.verdict()).isEqualTo(ApprovalTrace.Verdict.HOLDS);
		assertThat(this.sentences.render(line.text(), CHINESE)).isEqualTo("纳税人年满18周岁：是（公安人口信息库，2026-11-22更新）");
		assertThat(this.sentences.render(line.text(), ENGLISH))
			.isEqualTo("纳税人年满18周岁: yes (population registry (public security), updated 2026-11-22)");
	}

	@Test
	void dataTooOldToConfirmReadsAsBeforeInChineseAndInEnglishInEnglish() {
		ApprovalTrace.Line line = judge(NO_ARREARS, reading("tax", Map.of("arrears", false), "2026-10-01")).get(0);

		assertThat(line.verdict()).isEqualTo(ApprovalTrace.Verdict.UNKNOWN);
		assertThat(this.sentences.render(line.text(), CHINESE))
			.isEqualTo("纳税人无欠税：无法确认，数据已超过30天未更新，无法确认（税务征管信息库，2026-10-01更新）");
		assertThat(this.sentences.render(line.text(), ENGLISH)).isEqualTo(
				"纳税人无欠税: cannot be confirmed, the data has not been updated for more than 30 days (tax administration registry, updated 2026-10-01)");
	}

	@Test
	void aBlankFormFieldReadsAsBeforeInChineseAndInEnglishInEnglish() {
		ApprovalRule filled = new ApprovalRule("申请人已确认", null, null, "confirmed", ApprovalRule.Check.EQUALS, "true",
				null, null);

		ApprovalTrace.Line line = RuleEvaluation.judge(List.of(filled), Map.of(), (r) -> null, TODAY, BEIJING).get(0);

		assertThat(this.sentences.render(line.text(), CHINESE)).isEqualTo("申请人已确认：无法确认，表单未填写");
		assertThat(this.sentences.render(line.text(), ENGLISH))
			.isEqualTo("申请人已确认: cannot be confirmed, the form leaves it blank");
	}

	@Test
	void theReasonOfAnInstantApprovalReadsAsBeforeInChineseAndInEnglishInEnglish() {
		List<ApprovalTrace.Line> lines = RuleEvaluation.judge(List.of(ADULT, NO_ARREARS), Map.of(),
				(rule) -> (rule == ADULT) ? reading("population", Map.of("birthDate", "1985-03-12"), "2026-11-22")
						: reading("tax", Map.of("arrears", false), "2026-12-01"),
				TODAY, BEIJING);
		ApprovalTrace trace = new ApprovalTrace(null, null, "339900-TAX-005", ApprovalTrace.Outcome.APPROVED_INSTANTLY,
				lines, Instant.EPOCH, 0);

		String stored = trace.reason().stored();

		assertThat(this.sentences.render(stored, CHINESE))
			.isEqualTo("秒批：纳税人年满18周岁：是（公安人口信息库，2026-11-22更新）；纳税人无欠税：是（税务征管信息库，2026-12-01更新）");
		assertThat(this.sentences.render(stored, ENGLISH))
			.isEqualTo("Instant approval: 纳税人年满18周岁: yes (population registry (public security), updated 2026-11-22); "
					+ "纳税人无欠税: yes (tax administration registry, updated 2026-12-01)");
	}

}
