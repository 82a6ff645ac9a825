package org.onevisit.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A question asked online or at a window, with the clerk who first answered it, who stays
 * responsible for it to the end (首问负责).
 */
public record Enquiry(UUID id, String asker, String askerName, String question, Instant askedAt, String responsible,
		List<Answer> answers) {

	public Enquiry {
		answers = List.copyOf(answers);
	}

	/** A question as asked: it says something, and nobody has answered it yet. */
	public static Enquiry ask(String question, String asker, String askerName, Instant at) {
		return new Enquiry(UUID.randomUUID(), asker, askerName, FeedbackText.required(question), at, null, List.of());
	}

	public record Answer(String clerk, String text, Instant at) {
	}

}
