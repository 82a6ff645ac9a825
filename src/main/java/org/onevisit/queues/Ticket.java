package org.onevisit.queues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A queue ticket: A-numbers for walk-ins, B-numbers for appointments, which are called
 * first.
 */
public record Ticket(UUID id, String hallCode, LocalDate day, String number, Kind kind, String itemCode,
		Instant drawnAt, Instant calledAt, Integer window, int waitingAhead) implements java.io.Serializable {

	public enum Kind {

		WALK_IN, APPOINTMENT

	}

}
