package org.onevisit.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * A complaint (办不成事反映) about anything: a matter that could not be done, a window, a rule;
 * tracked until the office answers it.
 */
public record Complaint(UUID id, String reference, String complainant, String complainantName, String about,
		String text, Instant filedAt, String answer, String answeredBy,
		Instant answeredAt) implements java.io.Serializable {

	public boolean answered() {
		return this.answer != null;
	}

}
