package org.onevisit.queues;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.onevisit.shared.WorkingDays;

/**
 * A service hall: its windows, its opening hours on working days, how long a window takes
 * per ticket before the day has its own measurements, the region it belongs to and the
 * regions whose matters its clerks accept (its own and, for a city's hall, the counties
 * it serves).
 */
public record Hall(String code, String name, String address, int windows, int serviceMinutes, List<Opening> hours,
		String regionCode, List<String> serves) {

	/** Slots for appointments are this long. */
	public static final int SLOT_MINUTES = 30;

	public Hall {
		hours = List.copyOf(hours);
		serves = (serves != null) ? List.copyOf(serves) : List.of();
	}

	/** Whether the hall's clerks accept matters of the region. */
	public boolean serves(String region) {
		return region.equals(this.regionCode) || this.serves.contains(region);
	}

	/**
	 * Whether the hall's clerks accept a matter of an item of the region: a region the
	 * hall serves, or, for an item the catalogue marks citywide (全市通办), any region of the
	 * hall's own city.
	 */
	public boolean accepts(String region, boolean citywide) {
		return serves(region) || (citywide && cityOf(region).equals(cityOf(this.regionCode)));
	}

	/**
	 * The city a region lies in, by its division code: a county keeps its city's first
	 * four digits (GB/T 2260), and a township's and a village's codes continue their
	 * county's, as the catalogue checks of every region it loads.
	 */
	private static String cityOf(String region) {
		return (region.length() >= 4) ? region.substring(0, 4) : region;
	}

	/** Hours on the given days of the week. */
	public record Opening(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

		public Opening {
			days = Set.copyOf(days);
		}

	}

	/** Open on working days; a make-up working weekend day keeps Monday's hours. */
	public List<Opening> hoursOn(LocalDate day, WorkingDays calendar) {
		if (!calendar.isWorkingDay(day)) {
			return List.of();
		}
		DayOfWeek weekday = (day.getDayOfWeek().getValue() >= 6) ? DayOfWeek.MONDAY : day.getDayOfWeek();
		return this.hours.stream().filter((opening) -> opening.days().contains(weekday)).toList();
	}

	public boolean openAt(LocalDateTime at, WorkingDays calendar) {
		LocalTime time = at.toLocalTime();
		return hoursOn(at.toLocalDate(), calendar).stream()
			.anyMatch((opening) -> !time.isBefore(opening.opens()) && time.isBefore(opening.closes()));
	}

	/** Windows are numbered from 1. */
	public boolean hasWindow(int window) {
		return window >= 1 && window <= this.windows;
	}

	/**
	 * The wait for a ticket drawn now: the tickets waiting at the day's measured minutes
	 * per ticket (the hall's usual pace before there is one), shared by the windows.
	 */
	public int expectedWaitMinutes(int waiting, Double measuredMinutesPerTicket) {
		double minutesPerTicket = (measuredMinutesPerTicket != null) ? measuredMinutesPerTicket : this.serviceMinutes;
		return (int) Math.ceil(waiting * minutesPerTicket / this.windows);
	}

	/** The half-hour slots of a day, each starting within the opening hours. */
	public List<LocalTime> slotsOn(LocalDate day, WorkingDays calendar) {
		List<LocalTime> slots = new ArrayList<>();
		for (Opening opening : hoursOn(day, calendar)) {
			for (LocalTime slot = opening.opens(); !slot.plusMinutes(SLOT_MINUTES)
				.isAfter(opening.closes()); slot = slot.plusMinutes(SLOT_MINUTES)) {
				slots.add(slot);
			}
		}
		return slots;
	}

}
