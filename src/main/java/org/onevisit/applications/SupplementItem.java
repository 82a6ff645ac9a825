package org.onevisit.applications;

/**
 * One thing a 补正 request asks for: a material to upload or replace (by its code) or a
 * form field to correct (by its name), as the applicant reads it (the material's name,
 * the field's label) and with the reviewer's reason.
 */
public record SupplementItem(Kind kind, String name, String label, String reason) {

	/** What the applicant gives for it: a file, or a value. */
	public enum Kind {

		MATERIAL, FIELD

	}

	public SupplementItem {
		if (kind == null || name == null || name.isBlank()) {
			throw ReviewRefused.decisionInvalid("a supplement item names a material or a field");
		}
		name = name.strip();
		label = (label == null || label.isBlank()) ? name : label.strip();
		reason = (reason == null || reason.isBlank()) ? null : reason.strip();
	}

	/** The line the applicant reads: what, and why when the reviewer said. */
	public String line() {
		return (this.reason != null) ? this.label + ": " + this.reason : this.label;
	}

}
