package org.onevisit.applications;

/**
 * One form value that breaks its field's definition: the field, a stable code
 * ({@code required}, {@code not_a_date}, {@code resident_id_invalid.check_character}…)
 * that pages and the API turn into the user's language, the field's label, and the bound
 * it broke where there is one (the most characters, the lowest or highest number).
 */
public record FieldViolation(String field, String code, String label, String limit) {

	public FieldViolation(String field, String code, String label) {
		this(field, code, label, null);
	}

}
