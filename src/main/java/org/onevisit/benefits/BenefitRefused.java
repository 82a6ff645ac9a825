package org.onevisit.benefits;

import org.onevisit.shared.OneVisitException;

/** A policy action that cannot be carried out; nothing was changed. */
public final class BenefitRefused extends OneVisitException {

	private BenefitRefused(String code, Kind kind, String developerMessage, Object... arguments) {
		super(code, kind, developerMessage, arguments);
	}

	public static BenefitRefused unknownPolicy(String policy) {
		return new BenefitRefused("policy_not_found", Kind.NOT_FOUND, "no policy " + policy);
	}

	public static BenefitRefused registryUnavailable(String policy) {
		return new BenefitRefused("policy_registry_unavailable", Kind.UNAVAILABLE,
				"the registry could not be asked for policy " + policy);
	}

	public static BenefitRefused grantNotFound() {
		return new BenefitRefused("grant_not_found", Kind.NOT_FOUND, "no such offer for this person");
	}

}
