package org.onevisit.benefits;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.shared.Subject;

/** The policies, their simulation, switching them on, and what people were granted. */
public interface Benefits {

	List<Policy> policies();

	boolean active(String policy);

	/** Who qualifies today, without granting anything. */
	Simulation simulate(String policy);

	/** Switches the policy on; every switch is also kept in an append-only log. */
	void switchOn(String policy, String by);

	void switchOff(String policy, String by);

	/**
	 * Grants or offers the benefit to everyone who qualifies and has not had it yet;
	 * answers how many were new. A policy that is switched off runs nothing.
	 */
	int run(String policy);

	List<Grant> grantsOf(Subject person);

	/** The person accepts an offer with one click; not found when it is not theirs. */
	Grant accept(UUID grant, Subject person);

	Optional<Policy> policy(String code);

}
