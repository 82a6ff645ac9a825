package org.onevisit.feedback;

import java.time.Instant;
import java.util.UUID;

import org.onevisit.applications.ApplicationId;
import org.onevisit.shared.Subject;

/**
 * What happens to ratings, complaints and questions, for the modules that tell people.
 */
public final class FeedbackEvents {

	private FeedbackEvents() {
	}

	/** A department answered the rectification a bad rating opened. */
	public record RectificationAnswered(UUID rectification, ApplicationId application, String trackingNumber,
			Subject applicant, Instant at) {
	}

	/** The supervisor answered a complaint. */
	public record ComplaintAnswered(UUID complaint, String reference, Subject complainant, Instant at) {
	}

	/** A clerk answered a question; each answer is its own fact. */
	public record EnquiryAnswered(UUID enquiry, String question, Subject asker, Instant at) {
	}

}
