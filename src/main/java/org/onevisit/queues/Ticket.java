package org.onevisit.queues;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A queue ticket: A-numbers for walk-ins, B-numbers for appointments, which are called
 * first.
 */
public record Ticket(UUID id, String hallCode, LocalDate day, String number, Kind kind, String itemCode,
		Instant drawnAt, Instant calledAt, Integer window, int waitingAhead) implements Serializable {

	public enum Kind {

		WALK_IN, APPOINTMENT

	}

	/**
	 * The day's ticket number {@code seq} at a hall: A001 for a walk-in, B001 by
	 * appointment.
	 */
	public static Ticket draw(String hallCode, LocalDate day, int seq, Kind kind, String itemCode, Instant at) {
		String number = ((kind == Kind.APPOINTMENT) ? "B" : "A") + String.format("%03d", seq);
		return new Ticket(UUID.randomUUID(), hallCode, day, number, kind, itemCode, at, null, null, 0);
	}

	/** The ticket with how many are called before it. */
	public Ticket withWaitingAhead(int ahead) {
		return new Ticket(this.id, this.hallCode, this.day, this.number, this.kind, this.itemCode, this.drawnAt,
				this.calledAt, this.window, ahead);
	}

	/** Called to a window now. */
	public Ticket call(int toWindow, Instant at) {
		return new Ticket(this.id, this.hallCode, this.day, this.number, this.kind, this.itemCode, this.drawnAt, at,
				toWindow, this.waitingAhead);
	}

}
