package org.onevisit.queues;

import java.util.Optional;

/** Identity checks at the halls' windows, and whether a person was checked today. */
public interface WindowIdentityChecks {

	/**
	 * Records that the clerk checked the person's identity at the hall now; a ticket must
	 * be one drawn there today (and, if booked, by this person).
	 */
	WindowIdentityCheck record(String clerk, String hallCode, String subject, WindowIdentityCheck.Method method,
			String ticketNumber);

	/** The latest check of the person at the hall today, if there is one. */
	Optional<WindowIdentityCheck> checkedToday(String hallCode, String subject);

	/**
	 * Refuses ({@code identity_not_checked}) unless the person's identity was checked at
	 * the hall today.
	 */
	default WindowIdentityCheck requireCheckedToday(String hallCode, String subject) {
		return checkedToday(hallCode, subject).orElseThrow(QueueRefused::identityNotChecked);
	}

}
