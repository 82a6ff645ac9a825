package org.onevisit.exchange;

import java.time.Instant;

/**
 * One access to someone's data as the ledger records it: when, who asked (the user and
 * the consuming department), which registry and elements, for what, and what came of it.
 */
public record AccessEntry(long seq, Instant at, String actor, String consumer, String subject, String registry,
		String elements, String reference, String purpose, String outcome) {

}
