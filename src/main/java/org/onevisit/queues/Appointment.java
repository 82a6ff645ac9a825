package org.onevisit.queues;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A booked half-hour at a hall; the code is what the citizen shows to draw a ticket. */
public record Appointment(UUID id, String code, String hallCode, String itemCode, LocalDate day, LocalTime slot,
		String person, String personName, Status status) implements java.io.Serializable {

	public enum Status {

		BOOKED, CHECKED_IN, CANCELLED

	}

}
