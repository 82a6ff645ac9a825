package org.onevisit.platform;

/**
 * Whether OneVisit runs on the in-process PostgreSQL (the demo and test default) or on an
 * external server chosen with {@code ONEVISIT_DB_URL}. Modules ask it, for example,
 * whether to seed demo data.
 */
public interface DatabaseMode {

	boolean embedded();

	/**
	 * Demo data is seeded on the embedded database unless switched off, and on an
	 * external one only when asked.
	 */
	boolean demo();

}
