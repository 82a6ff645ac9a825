package org.onevisit.catalog;

import java.util.Map;

/**
 * A field of a bundle's one form (一表申请): asked once, and copied into the field of each
 * item it maps to ({@code itemFields}: item code to that item's field name).
 */
public record BundleField(String name, String label, FieldType type, boolean required, String pattern,
		java.util.List<String> options, Map<String, String> itemFields, Prefill prefill) {

	public BundleField(String name, String label, FieldType type, boolean required, String pattern,
			java.util.List<String> options, Map<String, String> itemFields) {
		this(name, label, type, required, pattern, options, itemFields, null);
	}

	/** The field as a form field of its own, without where it maps to. */
	public FormField asField() {
		return new FormField(this.name, this.label, this.type, this.required, this.pattern, this.options, this.prefill);
	}

	public BundleField {
		options = (options != null) ? java.util.List.copyOf(options) : java.util.List.of();
		// keeps the file's order, so that problems and exports list the items as written
		itemFields = (itemFields != null)
				? java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(itemFields)) : Map.of();

	}

}
