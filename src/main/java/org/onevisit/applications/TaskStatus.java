package org.onevisit.applications;

/** Where one department's task stands. */
public enum TaskStatus {

	IN_REVIEW, WAITING_FOR_SUPPLEMENT, APPROVED, REJECTED, WITHDRAWN,
	/** Planned, not open: the matter waits for its parties to confirm. */
	AWAITING_PARTIES,
	/**
	 * Not open: the task waits for another item's result (licence) of the same bundle; no
	 * inbox lists it and no clock runs.
	 */
	AWAITING_RESULT;

	public boolean open() {
		return this == IN_REVIEW || this == WAITING_FOR_SUPPLEMENT;
	}

	/** Planned, not yet open: waiting for the parties or for another item's result. */
	public boolean waiting() {
		return this == AWAITING_PARTIES || this == AWAITING_RESULT;
	}

}
