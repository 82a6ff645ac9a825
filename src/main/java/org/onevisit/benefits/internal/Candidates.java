package org.onevisit.benefits.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onevisit.approvals.ApprovalTrace;
import org.onevisit.approvals.RuleEvaluation;
import org.onevisit.benefits.BenefitRefused;
import org.onevisit.benefits.Policy;
import org.onevisit.catalog.ApprovalRule;
import org.onevisit.exchange.DataExchange;
import org.onevisit.exchange.DataExchange.DataQuery;
import org.onevisit.exchange.DataExchange.DataReading;
import org.onevisit.exchange.RegistryRequest;
import org.onevisit.platform.Sentence;

import org.springframework.stereotype.Component;

/**
 * Finds who qualifies for a policy: the registry picks the candidates by the first rule,
 * then every other rule is read for all of them at once and judged person by person.
 */
@Component
class Candidates {

	private final DataExchange exchange;

	private final Clock clock;

	Candidates(DataExchange exchange, Clock clock) {
		this.exchange = exchange;
		this.clock = clock;
	}

	/** A candidate with the lines of every rule. */
	record Judged(String subject, List<ApprovalTrace.Line> lines) {

		boolean qualifies() {
			return RuleEvaluation.allHold(this.lines);
		}

		/** Not refused by a rule, only unsure: stale, incomplete or unlinked data. */
		boolean missed() {
			return !qualifies()
					&& this.lines.stream().noneMatch((line) -> line.verdict() == ApprovalTrace.Verdict.FAILS);
		}

		/** Why, as a stored sentence. */
		String reasoning() {
			return RuleEvaluation.reasoning(this.lines).stored();
		}

	}

	static boolean canSelect(ApprovalRule rule) {
		return rule.onData() && rule.field() != null && (rule.check() == ApprovalRule.Check.AGE_AT_LEAST
				|| rule.check() == ApprovalRule.Check.AGE_UNDER || rule.check() == ApprovalRule.Check.EQUALS);
	}

	List<Judged> judge(Policy policy, LocalDate today) {
		ApprovalRule selector = policy.rules().get(0);
		List<DataReading> picked = this.exchange
			.scan(policy.departmentCode(), policy.purposeKey(), purpose(policy), selector.element(),
					where(selector, today))
			.orElseThrow(() -> BenefitRefused.registryUnavailable(policy.code()));
		List<ApprovalRule> others = policy.rules().subList(1, policy.rules().size());
		List<DataQuery> queries = new ArrayList<>();
		for (DataReading candidate : picked) {
			for (ApprovalRule rule : others) {
				queries.add(new DataQuery(rule.element(), candidate.query().subject()));
			}
		}
		Map<DataQuery, DataReading> readings = new HashMap<>();
		if (!queries.isEmpty()) {
			this.exchange
				.read(policy.departmentCode(), policy.purposeKey(), policy.purposeKey(), purpose(policy), queries)
				.forEach((reading) -> readings.put(reading.query(), reading));
		}
		List<Judged> judged = new ArrayList<>(picked.size());
		for (DataReading candidate : picked) {
			String subject = candidate.query().subject();
			judged.add(new Judged(subject, RuleEvaluation.judge(policy.rules(), Map.of(),
					(rule) -> (rule == selector) ? candidate : readings.get(new DataQuery(rule.element(), subject)),
					today, this.clock.getZone())));
		}
		return judged;
	}

	/** What the data is read for, as the data-access log shows it to the person. */
	private static String purpose(Policy policy) {
		return Sentence.of("benefits.purpose", policy.name()).stored();
	}

	/**
	 * The first rule as the registry's condition; the rule itself is judged again here.
	 */
	static RegistryRequest.Where where(ApprovalRule rule, LocalDate today) {
		return switch (rule.check()) {
			case AGE_AT_LEAST -> new RegistryRequest.Where(rule.field(), RegistryRequest.Where.Operator.ON_OR_BEFORE,
					today.minusYears(Long.parseLong(rule.value())).toString());
			case AGE_UNDER -> new RegistryRequest.Where(rule.field(), RegistryRequest.Where.Operator.AFTER,
					today.minusYears(Long.parseLong(rule.value())).toString());
			default -> new RegistryRequest.Where(rule.field(), RegistryRequest.Where.Operator.EQUALS, rule.value());
		};
	}

}
