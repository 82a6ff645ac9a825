package org.onevisit.feedback;

import java.time.Instant;
import java.util.List;

import org.onevisit.applications.ApplicationId;

/** An applicant's rating of a finished application, with the rectifications it opened. */
public record Rating(ApplicationId application, String trackingNumber, String rater, int stars, String comment,
		Instant ratedAt, List<Rectification> rectifications) {

	public Rating {
		rectifications = List.copyOf(rectifications);
	}

	/** One or two stars: a bad rating (差评), which each department must answer. */
	public boolean bad() {
		return this.stars <= 2;
	}

}
