package org.onevisit.feedback;

import java.time.Instant;
import java.util.List;

import org.onevisit.applications.ApplicationId;

/** An applicant's rating of a finished application, with the rectifications it opened. */
public record Rating(ApplicationId application, String trackingNumber, String rater, int stars, String comment,
		Instant ratedAt, List<Rectification> rectifications) {

	/** Ratings of this many stars or fewer are bad (差评). */
	public static final int BAD_AT_MOST = 2;

	public Rating {
		rectifications = List.copyOf(rectifications);
	}

	/**
	 * A rating as the applicant gives it: one to five stars, and a bad one says what went
	 * wrong. It has no rectifications until they are opened.
	 */
	public static Rating give(ApplicationId application, String trackingNumber, String rater, int stars, String comment,
			Instant at) {
		starsAreOneToFive(stars);
		String said = FeedbackText.optional(comment);
		aBadRatingSaysWhatWentWrong(stars, said);
		return new Rating(application, trackingNumber, rater, stars, said, at, List.of());
	}

	static void starsAreOneToFive(int stars) {
		if (stars < 1 || stars > 5) {
			throw FeedbackRefused.starsOutOfRange();
		}
	}

	static void aBadRatingSaysWhatWentWrong(int stars, String comment) {
		if (stars <= BAD_AT_MOST && comment == null) {
			throw FeedbackRefused.commentRequired();
		}
	}

	/** One or two stars: a bad rating (差评), which each department must answer. */
	public boolean bad() {
		return this.stars <= BAD_AT_MOST;
	}

}
