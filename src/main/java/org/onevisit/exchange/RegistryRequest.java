package org.onevisit.exchange;

import java.util.List;

/**
 * What the platform asks a registry, as sent on the wire (JSON, signed by the platform
 * over the exact bytes): a request id and a timestamp against replays, who asks, for what
 * purpose (an application or a pre-fill, with a readable description) and the queries.
 */
public record RegistryRequest(String requestId, String timestamp, String actor, String reference, String purpose,
		List<Query> queries) {

	public RegistryRequest {
		queries = List.copyOf(queries);
	}

	/** One element about one subject, read by a department for an item. */
	public record Query(String element, String subject, String consumer, String item) {
	}

}
