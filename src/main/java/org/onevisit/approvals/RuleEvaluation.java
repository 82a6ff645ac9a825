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

/**
 * Judges approval rules on what the registries answered and what the form says. Pure: no
 * data is fetched here, so that its cost is the rules' alone.
 */
public final class RuleEvaluation {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private RuleEvaluation() {
	}

	/** Each rule's line, in the order of the rules. */
	public static List<ApprovalTrace.Line> judge(List<ApprovalRule> rules, Map<String, Object> form,
			Function<ApprovalRule, DataReading> data, LocalDate today) {
		List<ApprovalTrace.Line> lines = new ArrayList<>(rules.size());
		for (ApprovalRule rule : rules) {
			lines.add(rule.onData() ? onData(rule, data.apply(rule), today) : onForm(rule, form));
		}
		return lines;
	}

	public static boolean allHold(List<ApprovalTrace.Line> lines) {
		return lines.stream().allMatch((line) -> line.verdict() == ApprovalTrace.Verdict.HOLDS);
	}

	private static ApprovalTrace.Line onForm(ApprovalRule rule, Map<String, Object> form) {
		Object value = form.get(rule.form());
		if (value == null || value.toString().isBlank()) {
			return line(rule, ApprovalTrace.Verdict.UNKNOWN, "表单未填写");
		}
		return line(rule, holds(rule, value, null) ? ApprovalTrace.Verdict.HOLDS : ApprovalTrace.Verdict.FAILS,
				"申请表填写“" + value + "”");
	}

	private static ApprovalTrace.Line onData(ApprovalRule rule, DataReading reading, LocalDate today) {
		String source = reading.registryName()
				+ ((reading.updatedAt() != null) ? "，" + LocalDate.ofInstant(reading.updatedAt(), BEIJING) + "更新" : "");
		switch (reading.reading()) {
			case UNAVAILABLE:
				return line(rule, ApprovalTrace.Verdict.UNKNOWN, "暂时无法获取" + reading.registryName() + "的数据");
			case REFUSED:
				return line(rule, ApprovalTrace.Verdict.UNKNOWN, reading.registryName() + "拒绝了查询");
			case NOT_FOUND:
				return line(rule, ApprovalTrace.Verdict.UNKNOWN, "未找到记录（" + reading.registryName() + "）");
			case INCOMPLETE:
				return line(rule, ApprovalTrace.Verdict.UNKNOWN, "记录不完整（" + source + "）");
			case STALE:
				return line(rule, ApprovalTrace.Verdict.UNKNOWN, "数据可能已过时（" + source + "）");
			default:
				break;
		}
		if (rule.maxAgeDays() != null && reading.updatedAt() != null
				&& LocalDate.ofInstant(reading.updatedAt(), BEIJING).plusDays(rule.maxAgeDays()).isBefore(today)) {
			return line(rule, ApprovalTrace.Verdict.UNKNOWN, "数据已超过" + rule.maxAgeDays() + "天未更新，无法确认（" + source + "）");
		}
		if (rule.check() == ApprovalRule.Check.PRESENT) {
			return line(rule, ApprovalTrace.Verdict.HOLDS, "是（" + source + "）");
		}
		Object value = reading.record().get(rule.field());
		if (value == null) {
			return line(rule, ApprovalTrace.Verdict.UNKNOWN, "记录中没有该项（" + source + "）");
		}
		boolean holds;
		try {
			holds = holds(rule, value, today);
		}
		catch (RuntimeException unreadable) {
			return line(rule, ApprovalTrace.Verdict.UNKNOWN, "记录中的值无法判断：" + value + "（" + source + "）");
		}
		return line(rule, holds ? ApprovalTrace.Verdict.HOLDS : ApprovalTrace.Verdict.FAILS,
				(holds ? "是" : "否") + "（" + source + "）");
	}

	private static boolean holds(ApprovalRule rule, Object observed, LocalDate today) {
		String text = observed.toString().strip();
		return switch (rule.check()) {
			case EQUALS -> text.equals(rule.value());
			case NOT_EQUALS -> !text.equals(rule.value());
			case AT_LEAST -> new BigDecimal(text).compareTo(new BigDecimal(rule.value())) >= 0;
			case AT_MOST -> new BigDecimal(text).compareTo(new BigDecimal(rule.value())) <= 0;
			case AGE_AT_LEAST -> Period.between(LocalDate.parse(text), (today != null) ? today : LocalDate.now(BEIJING))
				.getYears() >= Integer.parseInt(rule.value());
			case AGE_UNDER -> Period.between(LocalDate.parse(text), (today != null) ? today : LocalDate.now(BEIJING))
				.getYears() < Integer.parseInt(rule.value());
			case PRESENT -> true;
		};
	}

	private static ApprovalTrace.Line line(ApprovalRule rule, ApprovalTrace.Verdict verdict, String reasoning) {
		String answer = switch (verdict) {
			case HOLDS, FAILS -> reasoning;
			case UNKNOWN -> "无法确认，" + reasoning;
		};
		return new ApprovalTrace.Line(rule.name(), verdict, rule.name() + "：" + answer);
	}

}
