package org.onevisit.benefits;

import java.time.Instant;
import java.util.UUID;

/** A benefit granted or offered to one person, and why they qualified. */
public record Grant(UUID id, String policy, String policyName, String benefit, String subject, Status status,
		String reason, Instant createdAt, Instant acceptedAt) {

	public enum Status {

		GRANTED, OFFERED, ACCEPTED

	}

}
