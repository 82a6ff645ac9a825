package org.onevisit.applications;

/** Where one department's task stands. */
public enum TaskStatus {

	IN_REVIEW, WAITING_FOR_SUPPLEMENT, APPROVED, REJECTED, WITHDRAWN,
	/** Planned, not open: the matter waits for its parties to confirm. */
	AWAITING_PARTIES;

	public boolean open() {
		return this == IN_REVIEW || this == WAITING_FOR_SUPPLEMENT;
	}

}
