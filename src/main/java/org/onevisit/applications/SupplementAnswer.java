package org.onevisit.applications;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the applicant gives for a 补正 request: for each material asked, the id of an upload
 * of theirs; for each field asked, its new value.
 */
public record SupplementAnswer(Map<String, String> materials, Map<String, Object> fields) {

	/** The answer to a request that asked for nothing but lines to read. */
	public static final SupplementAnswer NOTHING = new SupplementAnswer(Map.of(), Map.of());

	public SupplementAnswer {
		// copies that keep nulls out and the order the applicant gave
		Map<String, String> givenMaterials = new LinkedHashMap<>();
		if (materials != null) {
			materials.forEach((code, upload) -> {
				if (code != null && upload != null && !upload.isBlank()) {
					givenMaterials.put(code, upload.strip());
				}
			});
		}
		Map<String, Object> givenFields = new LinkedHashMap<>();
		if (fields != null) {
			fields.forEach((name, value) -> {
				if (name != null && value != null && !(value instanceof String text && text.isBlank())) {
					givenFields.put(name, (value instanceof String text) ? text.strip() : value);
				}
			});
		}
		materials = Collections.unmodifiableMap(givenMaterials);
		fields = Collections.unmodifiableMap(givenFields);
	}

	/** Whether it gives something for that item. */
	public boolean gives(SupplementItem item) {
		return (item.kind() == SupplementItem.Kind.MATERIAL) ? this.materials.containsKey(item.name())
				: this.fields.containsKey(item.name());
	}

}
