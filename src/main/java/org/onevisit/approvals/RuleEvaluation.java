package org.onevisit.approvals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
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
		return judge(rules, form, data, today, zone, null);
	}

	/**
	 * Each rule's line as {@link #judge(List, Map, Function, LocalDate, ZoneId)}, where
	 * the {@code filer} (the resident ID or credit code of whoever files) is known, for
	 * the conditions that name them.
	 */
	public static List<ApprovalTrace.Line> judge(List<ApprovalRule> rules, Map<String, Object> form,
			Function<ApprovalRule, DataReading> data, LocalDate today, ZoneId zone, String filer) {
		return judge(rules, form, data, today, zone, filer, null);
	}

	/**
	 * Each rule's line, where the partner that files for the subject (its credit code) is
	 * known too, for the conditions that name it; null where no partner files.
	 */
	public static List<ApprovalTrace.Line> judge(List<ApprovalRule> rules, Map<String, Object> form,
			Function<ApprovalRule, DataReading> data, LocalDate today, ZoneId zone, String filer, String partner) {
		List<ApprovalTrace.Line> lines = new ArrayList<>(rules.size());
		for (ApprovalRule rule : rules) {
			lines.add(rule.onData() ? onData(rule, data.apply(rule), form, today, zone, filer, partner)
					: onForm(rule, form, today, filer, partner));
		}
		return lines;
	}

	/** The lines of conditions that failed (not those that could not be confirmed). */
	public static List<ApprovalTrace.Line> failing(List<ApprovalTrace.Line> lines) {
		return lines.stream().filter((line) -> line.verdict() == ApprovalTrace.Verdict.FAILS).toList();
	}

	/** The words a person reads for a condition: its sentence, in their language. */
	public static Sentence said(ApprovalRule condition) {
		String zh = (condition.sentence() != null) ? condition.sentence() : condition.name();
		// the catalogue gives the sentence in Chinese and, where written, in English:
		// each
		// language's message picks its own
		return Sentence.of("eligibility.condition", zh, (condition.sentenceEn() != null) ? condition.sentenceEn() : zh);
	}

	/** The lines one after the other, as one sentence. */
	public static Sentence reasoning(List<ApprovalTrace.Line> lines) {
		return Sentence.of("approval.reasoning", lines.stream().map(ApprovalTrace.Line::text).toList());
	}

	public static boolean allHold(List<ApprovalTrace.Line> lines) {
		return lines.stream().allMatch((line) -> line.verdict() == ApprovalTrace.Verdict.HOLDS);
	}

	private static ApprovalTrace.Line onForm(ApprovalRule rule, Map<String, Object> form, LocalDate today, String filer,
			String partner) {
		Object value = form.get(rule.form());
		if (value == null || value.toString().isBlank()) {
			return unknown(rule, Sentence.of("approval.form.blank"));
		}
		if (rule.check() == ApprovalRule.Check.IS_FILING_PARTNER) {
			boolean named = partner != null && partner.equals(value.toString().strip());
			return line(rule, named ? ApprovalTrace.Verdict.HOLDS : ApprovalTrace.Verdict.FAILS,
					Sentence.of(named ? "approval.form.isFilingPartner" : "approval.form.notFilingPartner"));
		}
		boolean holds;
		try {
			holds = holds(rule, value, today, filer, null);
		}
		catch (RuntimeException unreadable) {
			return unknown(rule, Sentence.of("approval.form.unreadable", value));
		}
		if (rule.check() == ApprovalRule.Check.IS_FILER) {
			// an identity number is not repeated to whoever reads the line
			return line(rule, holds ? ApprovalTrace.Verdict.HOLDS : ApprovalTrace.Verdict.FAILS,
					Sentence.of(holds ? "approval.form.isFiler" : "approval.form.notFiler"));
		}
		return line(rule, holds ? ApprovalTrace.Verdict.HOLDS : ApprovalTrace.Verdict.FAILS,
				Sentence.of("approval.form.filled", value));
	}

	private static ApprovalTrace.Line onData(ApprovalRule rule, DataReading reading, Map<String, Object> form,
			LocalDate today, ZoneId zone, String filer, String partner) {
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
				// the registry answering that it holds no record (of a mortgage, say)
				// satisfies a condition only where the catalogue says so
				return rule.absentHolds()
						? line(rule, ApprovalTrace.Verdict.HOLDS, Sentence.of("approval.data.noneRegistered", registry))
						: unknown(rule, Sentence.of("approval.data.notFound", registry));
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
		List<Map<String, Object>> records = reading.records();
		if (rule.match() != null) {
			Object wanted = form.get(rule.match().form());
			records = records.stream()
				.filter((record) -> wanted != null && record.get(rule.match().field()) != null
						&& record.get(rule.match().field()).toString().strip().equals(wanted.toString().strip()))
				.toList();
			if (records.isEmpty()) {
				if (rule.absentHolds()) {
					return line(rule, ApprovalTrace.Verdict.HOLDS, Sentence.of("approval.data.noneMatching", source));
				}
				return (rule.check() == ApprovalRule.Check.PRESENT)
						? line(rule, ApprovalTrace.Verdict.FAILS, Sentence.of("approval.data.noneMatching", source))
						: unknown(rule, Sentence.of("approval.data.noneMatching", source));
			}
		}
		if (rule.check() == ApprovalRule.Check.PRESENT) {
			return line(rule, ApprovalTrace.Verdict.HOLDS, Sentence.of("approval.data.holds", source));
		}
		if (records.isEmpty()) {
			return unknown(rule, Sentence.of("approval.data.missing", source));
		}
		if (rule.check() == ApprovalRule.Check.IS_FILING_PARTNER) {
			// nobody but the organisation the register names may act on the record: a
			// filing that no partner makes, or another partner's, fails
			boolean named = partner != null && records.stream()
				.allMatch((record) -> record.get(rule.field()) != null
						&& partner.equals(record.get(rule.field()).toString().strip()));
			return line(rule, named ? ApprovalTrace.Verdict.HOLDS : ApprovalTrace.Verdict.FAILS,
					Sentence.of(named ? "approval.data.isFilingPartner" : "approval.data.notFilingPartner", source));
		}
		// every record concerned must satisfy the condition: one seized flat among two
		// is a seized flat
		boolean holds = true;
		for (Map<String, Object> record : records) {
			Object value = record.get(rule.field());
			if (value == null) {
				return unknown(rule, Sentence.of("approval.data.missing", source));
			}
			try {
				holds &= holds(rule, value, today, filer, reading.query().subject());
			}
			catch (RuntimeException unreadable) {
				return unknown(rule, Sentence.of("approval.data.unreadable",
						(rule.check() == ApprovalRule.Check.IS_FILER) ? "" : value, source));
			}
		}
		return line(rule, holds ? ApprovalTrace.Verdict.HOLDS : ApprovalTrace.Verdict.FAILS,
				Sentence.of(holds ? "approval.data.holds" : "approval.data.fails", source));
	}

	private static boolean holds(ApprovalRule rule, Object observed, LocalDate today, String filer, String subject) {
		if (rule.check() == ApprovalRule.Check.IS_FILER) {
			if (filer == null) {
				throw new IllegalArgumentException("nobody files");
			}
			if (observed instanceof Collection<?> many) {
				return many.stream().anyMatch((each) -> each != null && each.toString().strip().equals(filer));
			}
			return observed.toString().strip().equals(filer);
		}
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
			case ONE_OF -> rule.values().contains(text);
			case AGE_BY_SEX_AT_LEAST -> Period.between(LocalDate.parse(text), today).getYears() >= Integer
				.parseInt(rule.values().get(male(subject) ? 0 : 1));
			case IS_FILER, IS_FILING_PARTNER -> throw new IllegalStateException("judged above");
		};
	}

	/** GB 11643: the 17th character of a resident ID is odd for a man. */
	private static boolean male(String residentId) {
		if (residentId == null || residentId.length() != 18 || !Character.isDigit(residentId.charAt(16))) {
			throw new IllegalArgumentException("not a resident ID");
		}
		return (residentId.charAt(16) - '0') % 2 == 1;
	}

	private static ApprovalTrace.Line unknown(ApprovalRule rule, Sentence reasoning) {
		return line(rule, ApprovalTrace.Verdict.UNKNOWN, Sentence.of("approval.unknown", reasoning));
	}

	private static ApprovalTrace.Line line(ApprovalRule rule, ApprovalTrace.Verdict verdict, Sentence answer) {
		Object said = (rule.sentence() != null) ? said(rule) : rule.name();
		return new ApprovalTrace.Line(rule.name(), verdict, Sentence.of("approval.line", said, answer).stored());
	}

}
