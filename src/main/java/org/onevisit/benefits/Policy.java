package org.onevisit.benefits;

import java.util.List;

import org.onevisit.catalog.ApprovalRule;

/**
 * A policy: who qualifies (rules over registry data, the first picking the candidates),
 * what they get, which department grants it, and whether it is granted outright or
 * offered.
 */
public record Policy(String code, String name, String benefit, String departmentCode, String itemCode, Mode mode,
		List<ApprovalRule> rules) {

	public Policy {
		rules = List.copyOf(rules);
	}

	public enum Mode {

		/** Pre-approved: the benefit is granted and the person told. */
		GRANT,
		/** Offered: the person accepts with one click. */
		OFFER

	}

	/**
	 * What a person who qualifies has at first: the benefit itself when pre-approved, an
	 * offer to accept otherwise.
	 */
	public Grant.Status firstStatus() {
		return (this.mode == Mode.GRANT) ? Grant.Status.GRANTED : Grant.Status.OFFERED;
	}

	/** The purpose the data-sharing catalogue authorises this policy's reads under. */
	public String purposeKey() {
		return "policy:" + this.code;
	}

}
