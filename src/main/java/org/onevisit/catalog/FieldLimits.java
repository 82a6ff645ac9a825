package org.onevisit.catalog;

import java.math.BigDecimal;

/**
 * How long a field's text may be and within which range its number must lie, as the
 * catalogue sets them for that field (a flat's price is at least one yuan; a business
 * name at most 50 characters). A bound the catalogue leaves unset is the platform's own
 * ceiling, which no field may exceed either.
 *
 * @param maxLength the most characters of a text field, or null
 * @param minimum the smallest number a number field takes, or null (then zero)
 * @param maximum the largest number a number field takes, or null
 */
public record FieldLimits(Integer maxLength, BigDecimal minimum, BigDecimal maximum) {

	/**
	 * The longest text any field takes: a form's longest answer (an address, a business
	 * scope) is a few hundred characters.
	 */
	public static final int TEXT_CEILING = 2_000;

	/**
	 * Every number of the catalogue's forms is an amount, an area or a count: never
	 * negative, and none reaches a trillion (yuan, square metres or people).
	 */
	public static final BigDecimal NUMBER_CEILING = new BigDecimal("1e12");

	/** No limit of the field's own: the platform's ceilings apply. */
	public static final FieldLimits NONE = new FieldLimits(null, null, null);

	/** The most characters the field takes. */
	public int textLength() {
		return (this.maxLength != null) ? Math.min(this.maxLength, TEXT_CEILING) : TEXT_CEILING;
	}

	/** The smallest number the field takes. */
	public BigDecimal lowest() {
		return (this.minimum != null) ? this.minimum.max(BigDecimal.ZERO) : BigDecimal.ZERO;
	}

	/** The largest number the field takes. */
	public BigDecimal highest() {
		return (this.maximum != null) ? this.maximum.min(NUMBER_CEILING) : NUMBER_CEILING;
	}

	public boolean isNone() {
		return this.maxLength == null && this.minimum == null && this.maximum == null;
	}

}
