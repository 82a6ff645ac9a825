package org.onevisit.queues;

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

	public static QueueRefused appointmentNotFound() {
		return new QueueRefused("appointment_not_found", Kind.NOT_FOUND, "no such appointment today at this hall");
	}

	public static QueueRefused windowUnknown(int window) {
		return new QueueRefused("hall_window_unknown", Kind.INVALID, "no window " + window, window);
	}

}
