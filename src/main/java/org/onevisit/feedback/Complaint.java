package org.onevisit.feedback;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * A complaint (办不成事反映) about anything: a matter that could not be done, a window, a rule;
 * tracked until the office answers it.
 */
public record Complaint(UUID id, String reference, String complainant, String complainantName, String about,
		String text, Instant filedAt, String answer, String answeredBy, Instant answeredAt) implements Serializable {

	/**
	 * A complaint as filed: it says something, and gets a reference to quote (TS, the
	 * day, six characters).
	 */
	public static Complaint file(String about, String text, String complainant, String complainantName, Clock clock) {
		String body = FeedbackText.required(text);
		Instant now = clock.instant();
		String reference = "TS" + LocalDate.now(clock).toString().replace("-", "")
				+ UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
		return new Complaint(UUID.randomUUID(), reference, complainant, complainantName, FeedbackText.optional(about),
				body, now, null, null, null);
	}

	public boolean answered() {
		return this.answer != null;
	}

	/** The office's answer, given once. */
	public Complaint answer(String text, String by, Instant at) {
		if (answered()) {
			throw FeedbackRefused.alreadyAnswered();
		}
		return new Complaint(this.id, this.reference, this.complainant, this.complainantName, this.about, this.text,
				this.filedAt, FeedbackText.required(text), by, at);
	}

}
