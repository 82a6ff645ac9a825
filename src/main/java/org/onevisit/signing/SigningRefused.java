package org.onevisit.signing;

import org.onevisit.shared.OneVisitException;

/** A key request that is not accepted; nothing was changed. */
public final class SigningRefused extends OneVisitException {

	private SigningRefused(String code, Kind kind, String developerMessage, Object... arguments) {
		super(code, kind, developerMessage, arguments);
	}

	public static SigningRefused unknownName(String name) {
		return new SigningRefused("signing_key_name_unknown", Kind.NOT_FOUND, "no keys are named " + name);
	}

}
