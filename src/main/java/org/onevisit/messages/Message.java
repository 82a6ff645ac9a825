package org.onevisit.messages;

import java.time.Instant;
import java.util.List;

/**
 * A message to a person or business: a message key with its arguments, so that it reads
 * in the language of whoever opens it.
 */
public record Message(long id, String key, List<String> arguments, String link, Instant at) {

	public Message {
		arguments = List.copyOf(arguments);
	}

}
