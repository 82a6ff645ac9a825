package org.onevisit.platform;

/**
 * Scheduled work that may run longer than a request may. Request connections are bounded
 * (a statement 5 s, a lock wait 2 s, a read from the server 7 s: see
 * {@code onevisit.db.*}); a job such as rebuilding the statistics over years of history
 * would be cancelled by those bounds. A job widens them for its own transaction only, to
 * {@code onevisit.db.job-timeout} (10 minutes by default); the connection goes back to
 * the pool with the request bounds.
 */
public interface LongWork {

	/**
	 * Lets the statements of the current transaction run, and wait for locks, up to the
	 * job timeout. Must be called inside a transaction: outside one the wider bounds
	 * would stay on a pooled connection that a request gets next.
	 */
	void allowInThisTransaction();

}
