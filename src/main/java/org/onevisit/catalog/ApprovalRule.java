package org.onevisit.catalog;

/**
 * One condition of instant approval (秒批), as data: over a data element of a registry
 * ({@code element} and its {@code field}, for the person or business the form field
 * {@code of} names, else the applicant) or over a form value ({@code form}). Data older
 * than {@code maxAgeDays} (when given) or stale by the data catalogue counts as unknown,
 * and an unknown condition sends the task to a person.
 */
public record ApprovalRule(String name, String element, String field, String form, Check check, String value, String of,
		Integer maxAgeDays) {

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
		PRESENT;

		public boolean needsValue() {
			return this != PRESENT;
		}

		public boolean numeric() {
			return this == AT_LEAST || this == AT_MOST || this == AGE_AT_LEAST || this == AGE_UNDER;
		}

	}

	public boolean onData() {
		return this.element != null;
	}

}
