package org.onevisit.partners.internal;

import org.onevisit.shared.OneVisitException;

/** A partner's filing without a mandate that holds, or a mandate that cannot be given. */
public class MandateRefused extends OneVisitException {

	private MandateRefused(String code, Kind kind, String developerMessage) {
		super(code, kind, developerMessage);
	}

	/** No mandate named, or none of this partner for this person and item. */
	public static MandateRefused missing() {
		return new MandateRefused("mandate_missing", Kind.FORBIDDEN,
				"a partner files only under a mandate of the person or business it files for");
	}

	public static MandateRefused expired() {
		return new MandateRefused("mandate_expired", Kind.FORBIDDEN, "the mandate has expired");
	}

	public static MandateRefused withdrawn() {
		return new MandateRefused("mandate_withdrawn", Kind.FORBIDDEN, "the mandate was withdrawn");
	}

	public static MandateRefused itemNotCovered() {
		return new MandateRefused("mandate_item_not_covered", Kind.FORBIDDEN, "the mandate does not name this item");
	}

	public static MandateRefused outsideScope() {
		return new MandateRefused("partner_scope_missing", Kind.FORBIDDEN,
				"the partner is not registered for this item group");
	}

	public static MandateRefused invalid() {
		return new MandateRefused("mandate_invalid", Kind.INVALID,
				"a mandate names an active partner, at least one item, a purpose and a day in the future");
	}

	public static MandateRefused noSubject() {
		return new MandateRefused("mandate_no_subject", Kind.FORBIDDEN,
				"only an account verified as a person or a business gives mandates");
	}

	public static MandateRefused notFound() {
		return new MandateRefused("mandate_not_found", Kind.NOT_FOUND, "no such mandate");
	}

}
