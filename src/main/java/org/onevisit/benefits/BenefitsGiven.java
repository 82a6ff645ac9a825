package org.onevisit.benefits;

import java.time.Instant;
import java.util.List;

import org.onevisit.shared.Subject;

/**
 * A policy's run granted or offered its benefit to people who did not have it yet, each
 * once.
 */
public record BenefitsGiven(String policy, String policyName, String benefit, Policy.Mode mode,
		List<Subject> recipients, Instant at) {

	public BenefitsGiven {
		recipients = List.copyOf(recipients);
	}

}
