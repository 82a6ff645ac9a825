package org.onevisit.feedback;

import java.time.Instant;
import java.util.UUID;

import org.onevisit.applications.ApplicationId;

/**
 * A department's duty to answer a bad rating (差评整改): what it found and what it changed.
 */
public record Rectification(UUID id, ApplicationId application, String trackingNumber, String departmentCode, int stars,
		String comment, Instant openedAt, String answer, String answeredBy, Instant answeredAt) {

	public boolean answered() {
		return this.answer != null;
	}

	/** The department's answer, given once. */
	public Rectification answer(String text, String by, Instant at) {
		if (answered()) {
			throw FeedbackRefused.alreadyAnswered();
		}
		return new Rectification(this.id, this.application, this.trackingNumber, this.departmentCode, this.stars,
				this.comment, this.openedAt, FeedbackText.required(text), by, at);
	}

}
