package org.onevisit.queues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's identity checked at a hall's window: by which clerk, at which hall, of whom
 * (a resident ID or a credit code), how (the ID card read, or the queue ticket they hold)
 * and when. It lets the hall's clerks read that person's data for them on that day, and
 * is what an in-person confirmation records.
 */
public record WindowIdentityCheck(UUID id, String clerk, String hallCode, String subject, Method method,
		String ticketNumber, LocalDate day, Instant at) {

	/** How the identity was checked. */
	public enum Method {

		/** The ID card read at the window (身份证读卡). */
		ID_CARD,
		/** The queue ticket the person drew today at this hall. */
		TICKET

	}

}
