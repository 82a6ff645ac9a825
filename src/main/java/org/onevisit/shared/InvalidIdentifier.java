package org.onevisit.shared;

import java.util.Locale;

/**
 * An identity number failed its standard's rules. The code names the identifier kind
 * ({@code resident_id_invalid}, {@code credit_code_invalid}); the reason says which rule.
 */
public final class InvalidIdentifier extends OneVisitException {

	/** The rule of the standard that the value broke. */
	public enum Reason {

		LENGTH, CHARACTERS, REGION, BIRTH_DATE, REGISTRATION_AUTHORITY, ORGANISATION_CHECK_CHARACTER, CHECK_CHARACTER

	}

	private final Reason reason;

	InvalidIdentifier(String code, Reason reason, String developerMessage) {
		super(code, Kind.INVALID, developerMessage, reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	@Override
	public String messageKey() {
		return "problem." + code() + "." + this.reason.name().toLowerCase(Locale.ROOT);
	}

}
