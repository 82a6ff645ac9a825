package org.onevisit.exchange;

import java.time.Period;

/**
 * A kind of record a registry shares, such as {@code population.household}: about a
 * person (by resident ID) or a business (by credit code), and stale once not confirmed
 * for {@code staleAfter} (null: never).
 */
public record DataElement(String code, String registry, String name, SubjectKind subject, Period staleAfter) {

	/** Whose data an element is. */
	public enum SubjectKind {

		PERSON, BUSINESS,
		/** About a person or a business alike, by either identifier (a taxpayer). */
		ANY

	}

}
