package org.onevisit.applications;

/**
 * One form value that breaks its field's definition: the field, a stable code
 * ({@code required}, {@code not_a_date}, {@code resident_id_invalid.check_character}…)
 * that pages and the API turn into the user's language, and the field's label.
 */
public record FieldViolation(String field, String code, String label) {

}
