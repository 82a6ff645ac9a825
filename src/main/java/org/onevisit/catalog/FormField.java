package org.onevisit.catalog;

import java.util.List;

/**
 * One field of a form: a machine name, the label a citizen reads (Chinese), its type,
 * whether it is required, an optional regular expression for strings and the options of
 * an enumeration, where a pre-filled value comes from, if anywhere, and the field's own
 * limits of length and range.
 */
public record FormField(String name, String label, FieldType type, boolean required, String pattern,
		List<String> options, Prefill prefill, FieldLimits limits) {

	public FormField(String name, String label, FieldType type, boolean required, String pattern,
			List<String> options) {
		this(name, label, type, required, pattern, options, null, FieldLimits.NONE);
	}

	public FormField(String name, String label, FieldType type, boolean required, String pattern, List<String> options,
			Prefill prefill) {
		this(name, label, type, required, pattern, options, prefill, FieldLimits.NONE);
	}

	public FormField {
		options = (options != null) ? List.copyOf(options) : List.of();
		limits = (limits != null) ? limits : FieldLimits.NONE;
	}

}
