package org.onevisit.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pre-filled form and what was found for each shared-data material, for the applicant
 * to preview before submitting. {@code evidence} (material code to evidence id) is what
 * the submission names so that the same signed answers are attached.
 */
public record Prefilled(String reference, Map<String, Object> form, Map<String, FieldSource> sources,
		List<MaterialPreview> materials) {

	public Prefilled {
		form = Map.copyOf(form);
		sources = Map.copyOf(sources);
		materials = List.copyOf(materials);
	}

	public Map<String, String> evidence() {
		Map<String, String> evidence = new LinkedHashMap<>();
		this.materials.stream()
			.filter((material) -> material.evidenceId() != null)
			.forEach((material) -> evidence.put(material.code(), material.evidenceId()));
		return evidence;
	}

	/** Where a pre-filled value came from, and as of when. */
	public record FieldSource(String element, String registryName, String updatedAt) {
	}

	/**
	 * A material as the registries answered it: fetched, to be uploaded (with why), or
	 * pending while the registry cannot be reached.
	 */
	public record MaterialPreview(String code, String name, String element, String registryName, String subject,
			Outcome outcome, String evidenceId, String updatedAt, String note, List<Map<String, Object>> records) {

		public MaterialPreview {
			records = (records != null) ? List.copyOf(records) : List.of();
		}

	}

	/** What a material's data came to. */
	public enum Outcome {

		FETCHED, NEEDS_UPLOAD, PENDING

	}

}
