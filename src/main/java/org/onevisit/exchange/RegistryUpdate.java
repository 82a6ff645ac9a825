package org.onevisit.exchange;

import java.util.Map;

import org.onevisit.catalog.RegistryChange;

/**
 * A change the platform asks a registry to apply (回写), as sent on the wire (JSON, signed
 * by the platform over the exact bytes, like a {@link RegistryRequest}): a request id and
 * a timestamp against replays of the envelope, and an update id the registry applies once
 * whatever the number of envelopes carrying it (a retried update answers the first
 * result). Who asks for which item and registration, the change and the values it needs
 * from the approved form.
 */
public record RegistryUpdate(String requestId, String timestamp, String updateId, String actor, String reference,
		String purpose, String consumer, String item, RegistryChange change, Map<String, String> fields) {

	public RegistryUpdate {
		fields = (fields != null) ? Map.copyOf(fields) : Map.of();
	}

	/**
	 * The element an access rule names for writing a change: an item whose catalogue
	 * entry writes the change may have its department send it, nothing else may.
	 */
	public static String writeElement(RegistryChange change) {
		return "write:" + change.name();
	}

}
