package org.onevisit.applications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onevisit.catalog.ApprovalRule;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The failed conditions of a refusal as a person reads them: one entry per condition,
 * with its stable code, its sentence in the reader's language and its legal basis, all at
 * once (一次性告知).
 */
final class FailedConditions {

	private FailedConditions() {
	}

	/**
	 * Each failed condition once, in the order judged (a bundle's items may share one).
	 */
	static List<ApprovalRule> distinct(List<Eligibility.Judgement> judged) {
		Map<String, ApprovalRule> failed = new LinkedHashMap<>();
		judged.stream()
			.filter((judgement) -> judgement.verdict() == Eligibility.Verdict.FAILS)
			.forEach((judgement) -> failed.putIfAbsent(judgement.condition().name(), judgement.condition()));
		return List.copyOf(failed.values());
	}

	/** The problem's members: {@code conditions}, one entry each. */
	static Map<String, Object> details(List<ApprovalRule> failed) {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (ApprovalRule condition : failed) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("code", condition.name());
			entry.put("sentence", said(condition));
			entry.put("basis", condition.basis());
			entries.add(entry);
		}
		return Map.of("conditions", List.copyOf(entries));
	}

	/** The sentences one after the other, for the problem's text and a page. */
	static MessageSourceResolvable sentences(List<ApprovalRule> failed) {
		MessageSourceResolvable all = said(failed.get(failed.size() - 1));
		for (int i = failed.size() - 2; i >= 0; i--) {
			all = new DefaultMessageSourceResolvable(new String[] { "eligibility.list" },
					new Object[] { said(failed.get(i)), all });
		}
		return all;
	}

	/**
	 * The condition's sentence in the reader's language: the catalogue gives it in
	 * Chinese and, where written, in English; each language's message picks its own.
	 */
	static MessageSourceResolvable said(ApprovalRule condition) {
		String zh = condition.sentence();
		String en = (condition.sentenceEn() != null) ? condition.sentenceEn() : zh;
		return new DefaultMessageSourceResolvable(new String[] { "eligibility.condition" }, new Object[] { zh, en },
				zh);
	}

}
