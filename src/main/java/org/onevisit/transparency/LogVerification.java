package org.onevisit.transparency;

import java.time.Duration;

/**
 * The outcome of checking every entry of the log against every signed checkpoint.
 *
 * @param intact whether every entry is there, unchanged, and every checkpoint's root is
 * the root of the entries as stored
 * @param entries entries read
 * @param checkpointsChecked signed checkpoints whose signature and root matched
 * @param firstBad the first entry that disagrees (or from which entries are missing)
 * @param lastBad the last entry the disagreement may lie in: equal to {@code firstBad}
 * when it is named exactly, larger when only the checkpoint that disagrees narrows it
 * @param checkpoint the size of the first signed checkpoint the entries disagree with
 * @param problem what is wrong, or null
 */
public record LogVerification(boolean intact, long entries, long checkpointsChecked, Long firstBad, Long lastBad,
		Long checkpoint, Problem problem, Duration took) {

	/** What a verification found; the codes are stable. */
	public enum Problem {

		/** An index is missing in the middle of the log. */
		ENTRY_MISSING,
		/**
		 * The newest entries are gone: a signed checkpoint covers more than is stored.
		 */
		ENTRIES_REMOVED,
		/** An entry no longer hashes to the leaf hash stored for it. */
		ENTRY_ALTERED,
		/**
		 * The stored entries give another root than a signed checkpoint of their size.
		 */
		CHECKPOINT_MISMATCH,
		/** A checkpoint's signature is not the log key's. */
		SIGNATURE_INVALID

	}

}
