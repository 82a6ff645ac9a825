package org.onevisit.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A field of a bundle's one form (一表申请): asked once, and copied into the field of each
 * item it maps to ({@code itemFields}: item code to that item's field name).
 */
public record BundleField(String name, String label, FieldType type, boolean required, String pattern,
		List<String> options, Map<String, String> itemFields, Prefill prefill) {

	public BundleField(String name, String label, FieldType type, boolean required, String pattern,
			List<String> options, Map<String, String> itemFields) {
		this(name, label, type, required, pattern, options, itemFields, null);
	}

	/** The field as a form field of its own, without where it maps to. */
	public FormField asField() {
		return new FormField(this.name, this.label, this.type, this.required, this.pattern, this.options, this.prefill);
	}

	public BundleField {
		options = (options != null) ? List.copyOf(options) : List.of();
		// keeps the file's order, so that problems and exports list the items as written
		itemFields = (itemFields != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(itemFields)) : Map.of();

	}

}
