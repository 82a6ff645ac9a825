package org.onevisit.catalog;

/**
 * Where a form field's value comes from when the form is pre-filled: a field of a record
 * a department registry holds, for example {@code population.identity} field
 * {@code name}. The record is the one about the applicant, or about the person or
 * business whose identifier is in the form field named by {@code of} (the buyer of a
 * flat).
 */
public record Prefill(String element, String field, String of) {

}
