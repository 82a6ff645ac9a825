package org.onevisit.exchange;

import java.util.List;
import java.util.Map;

/**
 * A registry's answer, signed by the registry over the exact bytes and bound to the
 * request by the SM3 hash of the request's bytes.
 */
public record RegistryAnswer(String requestHash, String registry, String answeredAt, List<Result> results) {

	public RegistryAnswer {
		results = List.copyOf(results);
	}

	/**
	 * What the registry holds on one query: the records, when they were last confirmed
	 * and, for incomplete or missing data, why.
	 */
	public record Result(String element, String subject, Status status, String updatedAt, String note,
			List<Map<String, Object>> records) {

		public Result {
			records = (records != null) ? List.copyOf(records) : List.of();
		}

	}

	/**
	 * Whether the registry has the data, part of it, or nothing linked to the subject.
	 */
	public enum Status {

		FOUND, INCOMPLETE, NOT_FOUND

	}

}
