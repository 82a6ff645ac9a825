package org.onevisit.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onevisit.approvals.ApprovalTrace;
import org.onevisit.approvals.RuleEvaluation;
import org.onevisit.catalog.ApprovalRule;
import org.onevisit.exchange.DataExchange.DataQuery;
import org.onevisit.exchange.DataExchange.DataReading;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instant-approval rule evaluation without the data fetch: the rules of the demo
 * catalogue's approvable items judged on prepared registry answers, one evaluation at a
 * time, each timed. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=RuleEvaluationBenchmark}; it prints p50, p99 and
 * max, and asserts only that the verdicts are right.
 */
@Tag("benchmark")
class RuleEvaluationBenchmark {

	static final int WARM_UP = 200_000;

	static final int MEASURED = 1_000_000;

	@Test
	void evaluatesTheRulesOfAnItemInMicroseconds() {
		// the rules of the demo catalogue's 开具个人所得税纳税记录 and 高龄津贴申领 together
		List<ApprovalRule> rules = List.of(
				new ApprovalRule("纳税人年满18周岁", "population.identity", "birthDate", null, ApprovalRule.Check.AGE_AT_LEAST,
						"18", "taxpayerId", null),
				new ApprovalRule("纳税人无欠税", "tax.clearance", "arrears", null, ApprovalRule.Check.EQUALS, "false",
						"taxpayerId", 30),
				new ApprovalRule("老人年满80周岁", "population.identity", "birthDate", null, ApprovalRule.Check.AGE_AT_LEAST,
						"80", "elderId", null),
				new ApprovalRule("具有本市户籍", "population.household", null, null, ApprovalRule.Check.PRESENT, null,
						"elderId", null),
				new ApprovalRule("社会保障卡状态正常", "socialSecurity.card", "status", null, ApprovalRule.Check.EQUALS, "正常",
						"elderId", null));
		Instant confirmed = Instant.now().minusSeconds(86_400);
		Map<String, Object> record = new HashMap<>();
		record.put("birthDate", "1940-03-12");
		record.put("arrears", false);
		record.put("status", "正常");
		Map<String, Object> form = Map.of("taxpayerId", "339902198503120016", "elderId", "339902194003120011");
		LocalDate today = LocalDate.now();
		DataReading reading = new DataReading(new DataQuery("x", "y"), DataReading.Reading.CURRENT, record, "测试信息库",
				confirmed);

		for (int i = 0; i < WARM_UP; i++) {
			RuleEvaluation.judge(rules, form, (rule) -> reading, today, ZoneId.systemDefault());
		}
		long[] nanos = new long[MEASURED];
		List<ApprovalTrace.Line> lines = null;
		for (int i = 0; i < MEASURED; i++) {
			long started = System.nanoTime();
			lines = RuleEvaluation.judge(rules, form, (rule) -> reading, today, ZoneId.systemDefault());
			nanos[i] = System.nanoTime() - started;
		}
		Arrays.sort(nanos);
		System.out.printf(
				"rule evaluation: %d rules per evaluation, %d evaluations: p50 %.1f µs, p99 %.1f µs, "
						+ "p99.9 %.1f µs, max %.1f µs%n",
				rules.size(), MEASURED, nanos[MEASURED / 2] / 1000.0, nanos[(int) (MEASURED * 0.99)] / 1000.0,
				nanos[(int) (MEASURED * 0.999)] / 1000.0, nanos[MEASURED - 1] / 1000.0);
		assertThat(lines).allSatisfy((line) -> assertThat(line.verdict()).isEqualTo(ApprovalTrace.Verdict.HOLDS));
	}

}
