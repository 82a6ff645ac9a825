package org.onevisit.catalog;

import java.util.List;

/**
 * One field of a form: a machine name, the label a citizen reads (Chinese), its type,
 * whether it is required, an optional regular expression for strings and the options of
 * an enumeration.
 */
public record FormField(String name, String label, FieldType type, boolean required, String pattern,
		List<String> options) {

	public FormField {
		options = (options != null) ? List.copyOf(options) : List.of();
	}

}
