package org.onevisit.benefits;

import java.io.Serializable;
import java.util.List;

/**
 * What switching a policy on would do today: how many qualify, a few of them (masked),
 * and who would be missed because their data is stale, incomplete or not linked.
 */
public record Simulation(String policy, int candidates, int qualifying, List<Sample> samples, int missed,
		List<Sample> missedSamples, long millis) implements Serializable {

	public Simulation {
		samples = List.copyOf(samples);
		missedSamples = List.copyOf(missedSamples);
	}

	/** A person, with the ID masked, and the reasoning. */
	public record Sample(String maskedId, String reasoning) implements Serializable {
	}

}
