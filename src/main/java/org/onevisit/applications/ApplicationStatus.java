package org.onevisit.applications;

/** Where the whole matter stands for the applicant. */
public enum ApplicationStatus {

	/** Departments are reviewing; some may be waiting for a supplement. */
	IN_REVIEW,
	/** At least one department waits for the applicant's supplement. */
	WAITING_FOR_SUPPLEMENT,
	/**
	 * Every task approved, but a fee or tax is unpaid (待缴费): no result is produced until
	 * it is paid or waived.
	 */
	AWAITING_PAYMENT,
	/** Every task approved and everything owed paid or waived. */
	APPROVED,
	/** A task was rejected; the reasons are on the tasks. */
	REJECTED,
	/** The applicant withdrew before a decision. */
	WITHDRAWN,
	/**
	 * Filed, waiting for its parties to confirm: no task is open and no clock runs.
	 */
	AWAITING_PARTIES,
	/** A party declined; the reason is in the history. */
	DECLINED,
	/**
	 * Not every party confirmed within the time allowed, or what was owed was not paid in
	 * time.
	 */
	LAPSED;

	public boolean finished() {
		return this == APPROVED || this == REJECTED || this == WITHDRAWN || this == DECLINED || this == LAPSED;
	}

}
