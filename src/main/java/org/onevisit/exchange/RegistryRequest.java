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

	/**
	 * One element about one subject, read by a department for an item; or, with the
	 * subject {@value #EVERYONE} and a condition, about every subject whose record meets
	 * it (a policy finding who qualifies): the registry filters, so that nothing about
	 * anyone else leaves it.
	 */
	public record Query(String element, String subject, String consumer, String item, Where where) {

		public static final String EVERYONE = "*";

		public Query(String element, String subject, String consumer, String item) {
			this(element, subject, consumer, item, null);
		}

		public boolean scan() {
			return EVERYONE.equals(this.subject);
		}

	}

	/** A condition on one field of a record: equal, or a date on or before or after. */
	public record Where(String field, Operator operator, String value) {

		public enum Operator {

			EQUALS, ON_OR_BEFORE, AFTER

		}

		public boolean matches(Object observed) {
			if (observed == null) {
				return false;
			}
			String text = observed.toString();
			return switch (this.operator) {
				case EQUALS -> text.equals(this.value);
				// ISO dates compare as text
				case ON_OR_BEFORE -> text.compareTo(this.value) <= 0;
				case AFTER -> text.compareTo(this.value) > 0;
			};
		}

	}

}
