package org.onevisit.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pre-filled form and what was found for each shared-data material, for the applicant
 * to preview before submitting. {@code evidence} (material code to evidence id) is what
 * the submission names so that the same signed answers are attached. {@code matches}
 * holds, by the form field with another person's ID number, only whether the name entered
 * matches it (a sentence): nothing of that person's records.
 */
public record Prefilled(String reference, Map<String, Object> form, Map<String, FieldSource> sources,
		List<MaterialPreview> materials, Map<String, String> matches) {

	public Prefilled {
		form = Map.copyOf(form);
		sources = Map.copyOf(sources);
		materials = List.copyOf(materials);
		matches = (matches != null) ? Map.copyOf(matches) : Map.of();
	}

	public Prefilled(String reference, Map<String, Object> form, Map<String, FieldSource> sources,
			List<MaterialPreview> materials) {
		this(reference, form, sources, materials, Map.of());
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

		FETCHED, NEEDS_UPLOAD, PENDING,
		/**
		 * Another person's data: read by the department after filing, once that person
		 * has confirmed the matter.
		 */
		AFTER_CONFIRMATION

	}

}
