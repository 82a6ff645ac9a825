package org.onevisit.shared;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

import org.onevisit.shared.InvalidIdentifier.Reason;

/**
 * An 18-character resident identity number (居民身份证号码, GB 11643-1999): 6-digit
 * administrative division code, birth date (yyyyMMdd), 3-digit sequence (odd for men) and
 * an ISO 7064 MOD 11-2 check character. {@link #toString()} is masked so that a full
 * number never reaches a log line by accident; call {@link #value()} where the full
 * number is really needed.
 */
public record ResidentId(String value) implements Serializable {

	private static final String CODE = "resident_id_invalid";

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	// Province-level codes of GB/T 2260, plus 81-83 for Hong Kong, Macao and Taiwan
	// residents' residence permits and 91 for foreigners' permanent residence cards
	// (same number format).
	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82", "83", "91");

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1880, 1, 1);

	public ResidentId {
		value = validated(value, LocalDate.now());
	}

	/**
	 * Parses and validates; lower-case {@code x} is accepted and normalised to {@code X}.
	 */
	public static ResidentId of(String value) {
		return new ResidentId(value);
	}

	/**
	 * Completes the first 17 characters with their check character, for generators of
	 * synthetic registry data.
	 */
	public static ResidentId completing(String first17) {
		return new ResidentId(first17 + checkCharacter(first17));
	}

	public static boolean isValid(String value) {
		try {
			validated(value, LocalDate.now());
			return true;
		}
		catch (InvalidIdentifier ex) {
			return false;
		}
	}

	public String divisionCode() {
		return this.value.substring(0, 6);
	}

	public LocalDate birthDate() {
		return birthDateOf(this.value);
	}

	/**
	 * Characters 7-14 as a date; LocalDate.of refuses what is no calendar date at a
	 * fraction of a formatter's cost (every ID read back is validated).
	 */
	private static LocalDate birthDateOf(String digits) {
		return LocalDate.of(Integer.parseInt(digits, 6, 10, 10), Integer.parseInt(digits, 10, 12, 10),
				Integer.parseInt(digits, 12, 14, 10));
	}

	public boolean isMale() {
		return (this.value.charAt(16) - '0') % 2 == 1;
	}

	/** Age in whole years on the given day. */
	public int ageOn(LocalDate day) {
		return Period.between(birthDate(), day).getYears();
	}

	/**
	 * The first four and last four characters, as printed on receipts:
	 * {@code 1101**********002X}.
	 */
	public String masked() {
		return this.value.substring(0, 4) + "**********" + this.value.substring(14);
	}

	@Override
	public String toString() {
		return masked();
	}

	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	private static String validated(String raw, LocalDate today) {
		String candidate = EighteenCharacters.candidate(raw, CODE, "resident ID");
		for (int i = 0; i < 17; i++) {
			if (!isAsciiDigit(candidate.charAt(i))) {
				throw invalid(Reason.CHARACTERS, "characters 1-17 must be digits");
			}
		}
		char last = candidate.charAt(17);
		if (!isAsciiDigit(last) && last != 'X') {
			throw invalid(Reason.CHARACTERS, "the check character must be a digit or X");
		}
		if (!PROVINCES.contains(candidate.substring(0, 2))) {
			throw invalid(Reason.REGION, "unknown province code");
		}
		LocalDate birth;
		try {
			// the digits are checked above
			birth = birthDateOf(candidate);
		}
		catch (DateTimeException ex) {
			throw invalid(Reason.BIRTH_DATE, "characters 7-14 are not a calendar date");
		}
		if (birth.isAfter(today) || birth.isBefore(EARLIEST_BIRTH)) {
			throw invalid(Reason.BIRTH_DATE, "birth date out of range");
		}
		if (checkCharacter(candidate) != last) {
			throw invalid(Reason.CHECK_CHARACTER, "check character does not match");
		}
		return candidate;
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static InvalidIdentifier invalid(Reason reason, String message) {
		return new InvalidIdentifier(CODE, reason, message);
	}

}
