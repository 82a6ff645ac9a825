package org.onevisit.queues;

import java.time.LocalDate;

import org.onevisit.shared.OneVisitException;

/** A booking or ticket that cannot be made; nothing was changed. */
public final class QueueRefused extends OneVisitException {

	private QueueRefused(String code, Kind kind, String developerMessage, Object... arguments) {
		super(code, kind, developerMessage, arguments);
	}

	public static QueueRefused hallNotFound(String hall) {
		return new QueueRefused("hall_not_found", Kind.NOT_FOUND, "no hall " + hall);
	}

	public static QueueRefused closed(String hall) {
		return new QueueRefused("hall_closed", Kind.INVALID, "hall " + hall + " is not open then");
	}

	public static QueueRefused slotFull() {
		return new QueueRefused("appointment_slot_full", Kind.CONFLICT, "the slot is fully booked");
	}

	public static QueueRefused alreadyBooked() {
		return new QueueRefused("appointment_already_booked", Kind.CONFLICT, "the person has an appointment that day");
	}

	public static QueueRefused inThePast() {
		return new QueueRefused("appointment_in_past", Kind.INVALID, "the slot has passed");
	}

	/** Appointments open a set number of days ahead (onevisit.queues.booking-days). */
	public static QueueRefused tooFarAhead(LocalDate lastBookableDay) {
		return new QueueRefused("appointment_too_far_ahead", Kind.INVALID,
				"appointments can be booked up to " + lastBookableDay, lastBookableDay);
	}

	/** A ticket is drawn only while the hall is open. */
	public static QueueRefused notOpenNow(String hall) {
		return new QueueRefused("hall_not_open_now", Kind.INVALID, "hall " + hall + " is not open now");
	}

	/**
	 * The code a clerk typed at the desk matches no appointment today at the hall: a
	 * typing mistake to show on the desk, not a missing page.
	 */
	public static QueueRefused appointmentCodeUnknown(String code) {
		return new QueueRefused("appointment_code_unknown", Kind.INVALID,
				"no appointment " + code + " today at this hall", code);
	}

	public static QueueRefused appointmentNotFound() {
		return new QueueRefused("appointment_not_found", Kind.NOT_FOUND, "no such appointment today at this hall");
	}

	public static QueueRefused windowUnknown(int window) {
		return new QueueRefused("hall_window_unknown", Kind.INVALID, "no window " + window, window);
	}

	/**
	 * A clerk reads a person's data only after checking their identity at the hall today.
	 */
	public static QueueRefused identityNotChecked() {
		return new QueueRefused("identity_not_checked", Kind.FORBIDDEN,
				"the person's identity was not checked at this hall today");
	}

	/**
	 * A check by ticket names a ticket drawn today at the hall, by this person if booked.
	 */
	public static QueueRefused ticketNotFound(String number) {
		return new QueueRefused("ticket_not_found", Kind.INVALID, "no ticket " + number + " today at this hall",
				number);
	}

	public static QueueRefused identityCheckInvalid() {
		return new QueueRefused("identity_check_invalid", Kind.INVALID,
				"name the person (residentId or creditCode) and how they were checked (ID_CARD, or TICKET with its number)");
	}

}
