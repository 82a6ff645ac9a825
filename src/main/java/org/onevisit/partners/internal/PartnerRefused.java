package org.onevisit.partners.internal;

import org.onevisit.shared.OneVisitException;

/** A registration or a change of a partner that cannot be made as asked. */
class PartnerRefused extends OneVisitException {

	private PartnerRefused(String code, Kind kind, String developerMessage) {
		super(code, kind, developerMessage);
	}

	static PartnerRefused unknown(String clientId) {
		return new PartnerRefused("partner_unknown", Kind.NOT_FOUND, "no partner " + clientId);
	}

	static PartnerRefused nameMissing() {
		return new PartnerRefused("partner_name_missing", Kind.INVALID, "a partner needs a name");
	}

	static PartnerRefused redirectMissing() {
		return new PartnerRefused("partner_redirect_invalid", Kind.INVALID,
				"a department system needs an https redirect URI (or http on localhost)");
	}

	static PartnerRefused kindUnknown() {
		return new PartnerRefused("partner_kind_unknown", Kind.INVALID, "no such kind of partner");
	}

	static PartnerRefused groupsMissing() {
		return new PartnerRefused("partner_groups_missing", Kind.INVALID, "a partner files in at least one item group");
	}

	static PartnerRefused creditCodeInvalid() {
		return new PartnerRefused("partner_credit_code_invalid", Kind.INVALID,
				"not a unified social credit code (GB 32100)");
	}

}
