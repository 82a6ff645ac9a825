package org.onevisit.queues;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Booking, drawing tickets and calling them, and what each hall's queue looks like. */
public interface Queues {

	/**
	 * Books a slot; {@link QueueRefused} when the hall is closed then, the slot is full,
	 * or the person already has an appointment that day.
	 */
	Appointment book(String hallCode, String itemCode, LocalDate day, LocalTime slot, String person, String personName);

	void cancel(UUID appointment, String person);

	List<Appointment> appointmentsOf(String person);

	/** The slots of a day that still have room. */
	List<LocalTime> freeSlots(String hallCode, LocalDate day);

	/** The last day an appointment can be booked for today. */
	LocalDate lastBookableDay();

	/**
	 * Draws a ticket at the hall, by appointment code (on its day) or as a walk-in (no
	 * code).
	 */
	Ticket draw(String hallCode, String itemCode, String appointmentCode);

	/**
	 * Finishes the ticket at the window and calls the next one, appointments first; empty
	 * when nobody waits.
	 */
	Optional<Ticket> callNext(String hallCode, int window, String clerk);

	QueueStatus status(String hallCode);

	List<QueueStatus> statuses();

	/**
	 * Tickets drawn in the period per hall and hour of the day (0 to 23): where and when
	 * people come, to staff the windows.
	 */
	Map<String, long[]> demand(LocalDate from, LocalDate to);

}
