package org.onevisit.registries;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Operating the demo registries as a department's operator would: stop one, start it
 * again, make it slow; and finding residents with a given data problem for drills.
 */
public interface RegistryControl {

	void stop(String registry);

	void start(String registry);

	/** Every answer of the registry waits this long first (zero: none). */
	void slowDown(String registry, Duration delay);

	boolean running(String registry);

	/**
	 * A resident's name as the population registry holds it, as its operator would look
	 * it up.
	 */
	Optional<String> nameOf(String residentId);

	/**
	 * Enterprises as the enterprise registry holds them, ordered by credit code, as its
	 * operator would list them.
	 */
	List<Enterprise> enterprises();

	/** An enterprise's registration: who represents it and whether it is in business. */
	record Enterprise(String creditCode, String name, String representativeId, String representativeName,
			boolean active) {
	}

	/**
	 * The subjects whose record of the element has the field at the value, ordered: the
	 * operator's direct query on the registry's own data.
	 */
	List<String> subjectsWhere(String element, String field, Object value);

	/** The subjects with a record of the element that matches, ordered. */
	List<String> subjectsMatching(String element, Predicate<Map<String, Object>> record);

	/**
	 * Makes the registry's record look last confirmed at that moment, as a record nobody
	 * has touched since would: for drills of stale data.
	 */
	void backdate(String element, String subject, Instant confirmedAt);

	/** Residents whose registry data has the problem, in generation order. */
	List<String> residentsWith(DataProblem problem);

	/** A resident ID with the problem, if the generator made one. */
	default Optional<String> residentWith(DataProblem problem) {
		return residentsWith(problem).stream().findFirst();
	}

	/**
	 * The data problems the generator makes on purpose, as the reform's documents name
	 * them.
	 */
	enum DataProblem {

		/**
		 * Married by the marriage registry's last sync years ago (a divorce not
		 * propagated).
		 */
		STALE_MARRIAGE,
		/** Married outside the province: the record lacks the spouse. */
		INCOMPLETE_MARRIAGE,
		/** Owns a property registered under a name only, not linked to the ID number. */
		UNLINKED_PROPERTY

	}

}
