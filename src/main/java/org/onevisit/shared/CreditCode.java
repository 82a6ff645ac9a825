package org.onevisit.shared;

import java.io.Serializable;

import org.onevisit.shared.InvalidIdentifier.Reason;

/**
 * An 18-character unified social credit code (统一社会信用代码, GB 32100-2015): registration
 * authority, organisation type, 6-digit division code, 9-character organisation code and
 * a MOD 31 check character, all over the alphabet {@code 0-9 A-H J-N P-R T U W-Y} (no I,
 * O, S, V, Z). The organisation code carries its own GB 11714 MOD 11 check character, so
 * a code is valid only when both checks hold.
 */
public record CreditCode(String value) implements Serializable {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final String CODE = "credit_code_invalid";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	// Registration authorities of GB 32100 table 1; 9 is market regulation (businesses),
	// 1 is
	// government bodies, 5 civil affairs, Y other.
	private static final String AUTHORITIES = "123456789ANY";

	public CreditCode {
		value = validated(value);
	}

	public static CreditCode of(String value) {
		return new CreditCode(value);
	}

	private static final int[] ORGANISATION_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

	/**
	 * Completes the first 16 characters (authority, type, division and the organisation
	 * code's 8-character body) with both check characters: the registry assigning a new
	 * code, and generators of synthetic registry data.
	 */
	public static CreditCode completing(String first16) {
		if (first16 == null || first16.length() != 16) {
			throw invalid(Reason.LENGTH, "completing a credit code takes its first 16 characters");
		}
		String first17 = first16 + organisationCheckCharacter(first16.substring(8, 16));
		return new CreditCode(first17 + checkCharacter(first17));
	}

	public static boolean isValid(String value) {
		try {
			validated(value);
			return true;
		}
		catch (InvalidIdentifier ex) {
			return false;
		}
	}

	public String divisionCode() {
		return this.value.substring(2, 8);
	}

	/**
	 * The check character for the first 17 characters (which must be in the alphabet).
	 */
	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return ALPHABET.charAt(check == 31 ? 0 : check);
	}

	/**
	 * The GB 11714 check character of an organisation code's 8-character body: digits
	 * count as themselves and letters from 10 (A) on; 10 is written X and 11 as 0.
	 */
	static char organisationCheckCharacter(String body) {
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += Character.digit(body.charAt(i), 36) * ORGANISATION_WEIGHTS[i];
		}
		int check = 11 - sum % 11;
		return (check == 10) ? 'X' : (check == 11) ? '0' : (char) ('0' + check);
	}

	@Override
	public String toString() {
		return this.value;
	}

	private static String validated(String raw) {
		String candidate = EighteenCharacters.candidate(raw, CODE, "unified social credit code");
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(candidate.charAt(i)) < 0) {
				throw invalid(Reason.CHARACTERS, "character " + (i + 1) + " is outside the GB 32100 alphabet");
			}
		}
		if (AUTHORITIES.indexOf(candidate.charAt(0)) < 0) {
			throw invalid(Reason.REGISTRATION_AUTHORITY, "unknown registration authority");
		}
		for (int i = 2; i < 8; i++) {
			if (!Character.isDigit(candidate.charAt(i))) {
				throw invalid(Reason.REGION, "characters 3-8 must be a division code");
			}
		}
		if (organisationCheckCharacter(candidate.substring(8, 16)) != candidate.charAt(16)) {
			throw invalid(Reason.ORGANISATION_CHECK_CHARACTER,
					"character 17 is not the organisation code's GB 11714 check character");
		}
		if (checkCharacter(candidate) != candidate.charAt(17)) {
			throw invalid(Reason.CHECK_CHARACTER, "check character does not match");
		}
		return candidate;
	}

	private static InvalidIdentifier invalid(Reason reason, String message) {
		return new InvalidIdentifier(CODE, reason, message);
	}

}
