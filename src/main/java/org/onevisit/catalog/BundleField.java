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
		List<String> options, Map<String, String> itemFields, Prefill prefill, FieldLimits limits) {

	public BundleField(String name, String label, FieldType type, boolean required, String pattern,
			List<String> options, Map<String, String> itemFields) {
		this(name, label, type, required, pattern, options, itemFields, null, FieldLimits.NONE);
	}

	public BundleField(String name, String label, FieldType type, boolean required, String pattern,
			List<String> options, Map<String, String> itemFields, Prefill prefill) {
		this(name, label, type, required, pattern, options, itemFields, prefill, FieldLimits.NONE);
	}

	/** The field as a form field of its own, without where it maps to. */
	public FormField asField() {
		return new FormField(this.name, this.label, this.type, this.required, this.pattern, this.options, this.prefill,
				this.limits);
	}

	public BundleField {
		options = (options != null) ? List.copyOf(options) : List.of();
		limits = (limits != null) ? limits : FieldLimits.NONE;
		// keeps the file's order, so that problems and exports list the items as written
		itemFields = (itemFields != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(itemFields)) : Map.of();

	}

}
