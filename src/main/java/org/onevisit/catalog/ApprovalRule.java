package org.onevisit.catalog;

import java.util.List;

/**
 * One condition, as data: of instant approval (秒批), or of eligibility (who may file and
 * be granted an item at all). It reads a data element of a registry ({@code element} and
 * its {@code field}, for the person or business the form field {@code of} names, else the
 * applicant) or a form value ({@code form}). Data older than {@code maxAgeDays} (when
 * given) or stale by the data catalogue counts as unknown, and an unknown condition sends
 * the matter to a person.
 * <p>
 * Eligibility conditions also carry what a person reads: a plain {@code sentence} (and
 * its English rendering {@code sentenceEn}, when given) and the legal {@code basis}. A
 * {@code match} picks, among the records of the element, those about the object of the
 * form (the flat by its certificate number); {@code absentHolds} says that the registry
 * having no record at all satisfies the condition (no mortgage registered).
 */
public record ApprovalRule(String name, String element, String field, String form, Check check, String value, String of,
		Integer maxAgeDays, List<String> values, Match match, boolean absentHolds, String sentence, String sentenceEn,
		String basis) {

	public ApprovalRule {
		values = (values != null) ? List.copyOf(values) : List.of();
	}

	/**
	 * A rule of instant approval, which has nothing for a person to read but its name.
	 */
	public ApprovalRule(String name, String element, String field, String form, Check check, String value, String of,
			Integer maxAgeDays) {
		this(name, element, field, form, check, value, of, maxAgeDays, List.of(), null, false, null, null, null);
	}

	/**
	 * Only the records whose {@code field} equals the form's {@code form} value are
	 * judged.
	 */
	public record Match(String field, String form) {
	}

	/** How the observed value is compared with {@code value}. */
	public enum Check {

		/** Equal as text ({@code true}/{@code false} for booleans). */
		EQUALS,
		/** Not equal as text. */
		NOT_EQUALS,
		/** At least the number. */
		AT_LEAST,
		/** At most the number. */
		AT_MOST,
		/** A date (of birth) at least this many whole years before today. */
		AGE_AT_LEAST,
		/** A date (of birth) fewer than this many whole years before today. */
		AGE_UNDER,
		/** The element has a record at all. */
		PRESENT,
		/** Equal as text to one of {@code values}. */
		ONE_OF,
		/**
		 * The person the filer is: the value is the filer's own resident ID or credit
		 * code, or a list of identifiers that includes it.
		 */
		IS_FILER,
		/**
		 * The organisation that files for the subject under a mandate: the record's value
		 * is that partner's unified social credit code (the mortgagee a register names);
		 * a filing no partner makes fails. On registry data only.
		 */
		IS_FILING_PARTNER,
		/**
		 * A date of birth at least {@code values[0]} whole years before today for a man,
		 * and {@code values[1]} for a woman; the sex is read from the resident ID whose
		 * record it is (GB 11643: the 17th digit, odd for men).
		 */
		AGE_BY_SEX_AT_LEAST;

		public boolean needsValue() {
			return this != PRESENT && this != ONE_OF && this != IS_FILER && this != IS_FILING_PARTNER
					&& this != AGE_BY_SEX_AT_LEAST;
		}

		public boolean numeric() {
			return this == AT_LEAST || this == AT_MOST || this == AGE_AT_LEAST || this == AGE_UNDER;
		}

	}

	public boolean onData() {
		return this.element != null;
	}

}
