package org.onevisit.queues;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

import org.onevisit.shared.WorkingDays;

/** A booked half-hour at a hall; the code is what the citizen shows to draw a ticket. */
public record Appointment(UUID id, String code, String hallCode, String itemCode, LocalDate day, LocalTime slot,
		String person, String personName, Status status) implements Serializable {

	// no 0/O or 1/I: read aloud and typed at a kiosk
	private static final char[] CODE_LETTERS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	public enum Status {

		BOOKED, CHECKED_IN, CANCELLED

	}

	/**
	 * A new booking with its code; the rules below are checked first. An empty item is no
	 * item.
	 */
	public static Appointment book(String hallCode, String itemCode, LocalDate day, LocalTime slot, String person,
			String personName) {
		return new Appointment(UUID.randomUUID(), newCode(), hallCode,
				(itemCode == null || itemCode.isBlank()) ? null : itemCode, day, slot, person, personName,
				Status.BOOKED);
	}

	/** Only a slot the hall opens for, on a working day. */
	public static void theHallMustBeOpen(Hall hall, LocalDate day, LocalTime slot, WorkingDays calendar) {
		if (!hall.slotsOn(day, calendar).contains(slot)) {
			throw QueueRefused.closed(hall.code());
		}
	}

	/** Only a slot that has not begun. */
	public static void theSlotMustBeAhead(LocalDate day, LocalTime slot, LocalDateTime now) {
		if (!ahead(day, slot, now)) {
			throw QueueRefused.inThePast();
		}
	}

	/** Only a day within the days the halls open their books for. */
	public static void theDayMustBeBookable(LocalDate day, LocalDate lastBookableDay) {
		if (day.isAfter(lastBookableDay)) {
			throw QueueRefused.tooFarAhead(lastBookableDay);
		}
	}

	/** At most one booking per window of the hall in each slot. */
	public static void theSlotMustHaveRoom(Hall hall, long booked) {
		if (booked >= hall.windows()) {
			throw QueueRefused.slotFull();
		}
	}

	public static boolean ahead(LocalDate day, LocalTime slot, LocalDateTime now) {
		return LocalDateTime.of(day, slot).isAfter(now);
	}

	private static String newCode() {
		char[] code = new char[6];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE_LETTERS[RANDOM.nextInt(CODE_LETTERS.length)];
		}
		return new String(code);
	}

}
