package org.onevisit.approvals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.onevisit.catalog.ApprovalRule;
import org.onevisit.exchange.DataExchange.DataReading;
import org.onevisit.platform.Sentence;

/**
 * Judges approval rules on what the registries answered and what the form says. Pure: no
 * data is fetched here, so that its cost is the rules' alone.
 */
public final class RuleEvaluation {

	private RuleEvaluation() {
	}

	/**
	 * Each rule's line, in the order of the rules, judged on a day; the registries' dates
	 * are read in the platform's time zone.
	 */
	public static List<ApprovalTrace.Line> judge(List<ApprovalRule> rules, Map<String, Object> form,
			Function<ApprovalRule, DataReading> data, LocalDate today, ZoneId zone) {
		List<ApprovalTrace.Line> lines = new ArrayList<>(rules.size());
		for (ApprovalRule rule : rules) {
			lines.add(rule.onData() ? onData(rule, data.apply(rule), today, zone) : onForm(rule, form, today));
		}
		return lines;
	}

	/** The lines one after the other, as one sentence. */
	public static Sentence reasoning(List<ApprovalTrace.Line> lines) {
		return Sentence.of("approval.reasoning", lines.stream().map(ApprovalTrace.Line::text).toList());
	}

	public static boolean allHold(List<ApprovalTrace.Line> lines) {
		return lines.stream().allMatch((line) -> line.verdict() == ApprovalTrace.Verdict.HOLDS);
	}

	private static ApprovalTrace.Line onForm(ApprovalRule rule, Map<String, Object> form, LocalDate today) {
		Object value = form.get(rule.form());
		if (value == null || value.toString().isBlank()) {
			return unknown(rule, Sentence.of("approval.form.blank"));
		}
		return line(rule, holds(rule, value, today) ? ApprovalTrace.Verdict.HOLDS : ApprovalTrace.Verdict.FAILS,
				Sentence.of("approval.form.filled", value));
	}

	private static ApprovalTrace.Line onData(ApprovalRule rule, DataReading reading, LocalDate today, ZoneId zone) {
		Sentence registry = Sentence.of("exchange.registry." + reading.registry());
		Sentence source = (reading.updatedAt() != null)
				? Sentence.of("approval.source.dated", registry, LocalDate.ofInstant(reading.updatedAt(), zone))
				: registry;
		switch (reading.reading()) {
			case UNAVAILABLE:
				return unknown(rule, Sentence.of("approval.data.unavailable", registry));
			case REFUSED:
				return unknown(rule, Sentence.of("approval.data.refused", registry));
			case NOT_FOUND:
				return unknown(rule, Sentence.of("approval.data.notFound", registry));
			case INCOMPLETE:
				return unknown(rule, Sentence.of("approval.data.incomplete", source));
			case STALE:
				return unknown(rule, Sentence.of("approval.data.stale", source));
			default:
				break;
		}
		if (rule.maxAgeDays() != null && reading.updatedAt() != null
				&& LocalDate.ofInstant(reading.updatedAt(), zone).plusDays(rule.maxAgeDays()).isBefore(today)) {
			return unknown(rule, Sentence.of("approval.data.tooOld", rule.maxAgeDays(), source));
		}
		if (rule.check() == ApprovalRule.Check.PRESENT) {
			return line(rule, ApprovalTrace.Verdict.HOLDS, Sentence.of("approval.data.holds", source));
		}
		Object value = reading.record().get(rule.field());
		if (value == null) {
			return unknown(rule, Sentence.of("approval.data.missing", source));
		}
		boolean holds;
		try {
			holds = holds(rule, value, today);
		}
		catch (RuntimeException unreadable) {
			return unknown(rule, Sentence.of("approval.data.unreadable", value, source));
		}
		return line(rule, holds ? ApprovalTrace.Verdict.HOLDS : ApprovalTrace.Verdict.FAILS,
				Sentence.of(holds ? "approval.data.holds" : "approval.data.fails", source));
	}

	private static boolean holds(ApprovalRule rule, Object observed, LocalDate today) {
		String text = observed.toString().strip();
		return switch (rule.check()) {
			case EQUALS -> text.equals(rule.value());
			case NOT_EQUALS -> !text.equals(rule.value());
			case AT_LEAST -> new BigDecimal(text).compareTo(new BigDecimal(rule.value())) >= 0;
			case AT_MOST -> new BigDecimal(text).compareTo(new BigDecimal(rule.value())) <= 0;
			case AGE_AT_LEAST ->
				Period.between(LocalDate.parse(text), today).getYears() >= Integer.parseInt(rule.value());
			case AGE_UNDER -> Period.between(LocalDate.parse(text), today).getYears() < Integer.parseInt(rule.value());
			case PRESENT -> true;
		};
	}

	private static ApprovalTrace.Line unknown(ApprovalRule rule, Sentence reasoning) {
		return line(rule, ApprovalTrace.Verdict.UNKNOWN, Sentence.of("approval.unknown", reasoning));
	}

	private static ApprovalTrace.Line line(ApprovalRule rule, ApprovalTrace.Verdict verdict, Sentence answer) {
		return new ApprovalTrace.Line(rule.name(), verdict, Sentence.of("approval.line", rule.name(), answer).stored());
	}

}
