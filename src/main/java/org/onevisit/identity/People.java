package org.onevisit.identity;

import org.onevisit.platform.Sentence;

/**
 * Who did something, as people read it: the account's name, and for staff their role;
 * never the username (a resident who registered with their ID is stored as a token).
 */
public interface People {

	/**
	 * The name of the account with this username as a sentence; the platform itself and
	 * an account that no longer exists have their own words.
	 */
	Sentence nameOf(String username);

	/**
	 * The same in the current request's language, for a page
	 * ({@code ${@people.name(row.savedBy())}}).
	 */
	String name(String username);

}
