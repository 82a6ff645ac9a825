package org.onevisit.exchange;

import java.time.Duration;

/**
 * The result of walking the access ledger: whether it is intact, how many entries and
 * signed checkpoints were checked and, if not intact, the first entry that does not fit
 * and how.
 */
public record LedgerVerification(boolean intact, long entries, long checkpoints, Long firstBadEntry, Problem problem,
		Duration took) {

	/** How an entry fails to fit the chain. */
	public enum Problem {

		/** Its content no longer matches its hash. */
		ALTERED,
		/** Entries before it are missing. */
		REMOVED,
		/** It does not follow the entry before it. */
		REORDERED,
		/** A signed checkpoint does not match the chain or its signature. */
		CHECKPOINT_MISMATCH

	}

}
