package org.onevisit.exchange;

import java.util.List;

/**
 * Pre-filling from the registries, the citizen's view of who read their data, and the
 * ledger's verification.
 */
public interface DataExchange {

	/**
	 * Asks the registries for what the form and the shared-data materials of an item or a
	 * bundle need, logs every access and keeps the signed answers as evidence the
	 * submission can name.
	 */
	Prefilled prefill(PrefillRequest request);

	/** The accesses to a person's or business's data, newest first. */
	List<AccessEntry> accessesTo(String subjectId, int limit);

	/** Walks the whole ledger and names the first entry that does not fit. */
	LedgerVerification verifyLedger();

}
