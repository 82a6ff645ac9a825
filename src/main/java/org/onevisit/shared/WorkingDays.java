package org.onevisit.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The PRC working-day calendar: Monday to Friday, less the public holidays, plus the
 * weekend days declared make-up working days (调休上班). Statutory time limits count working
 * days. Built from the holiday schedules the State Council publishes each year; in a year
 * with no published schedule the statutory holidays on fixed dates (元旦, 劳动节, 国庆节) are
 * still rest days, the rest is counted as plain Monday to Friday, and every answer about
 * that year is provisional.
 */
public final class WorkingDays {

	/** One public holiday period of a year's schedule, with its make-up working days. */
	public record Holiday(String name, LocalDate from, LocalDate to, Set<LocalDate> makeUpWorkdays) {

		public Holiday {
			makeUpWorkdays = Set.copyOf(makeUpWorkdays);
		}

	}

	/** A year's published schedule and the notice that published it. */
	public record Schedule(int year, String source, List<Holiday> holidays) {

		public Schedule {
			holidays = List.copyOf(holidays);
		}

	}

	/**
	 * A statutory holiday on fixed dates of every year (the lunar ones move and are known
	 * only from a year's schedule), with the law that fixes it.
	 */
	public record FixedHoliday(String name, List<MonthDay> days, String source) {

		public FixedHoliday {
			days = List.copyOf(days);
		}

	}

	/**
	 * A due date and whether every day counted lies in a year with a published schedule.
	 */
	public record Due(LocalDate date, boolean provisional) {
	}

	private final Map<Integer, Schedule> schedules;

	private final Set<LocalDate> holidays;

	private final Set<LocalDate> makeUpWorkdays;

	private final Set<MonthDay> fixedHolidays;

	private WorkingDays(Map<Integer, Schedule> schedules, Collection<FixedHoliday> fixedHolidays) {
		this.schedules = Map.copyOf(schedules);
		this.fixedHolidays = fixedHolidays.stream()
			.flatMap((holiday) -> holiday.days().stream())
			.collect(Collectors.toUnmodifiableSet());
		this.holidays = schedules.values()
			.stream()
			.flatMap((schedule) -> schedule.holidays().stream())
			.flatMap((holiday) -> holiday.from().datesUntil(holiday.to().plusDays(1)))
			.collect(Collectors.toUnmodifiableSet());
		this.makeUpWorkdays = schedules.values()
			.stream()
			.flatMap((schedule) -> schedule.holidays().stream())
			.flatMap((holiday) -> holiday.makeUpWorkdays().stream())
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * A calendar of the given schedules; a later schedule of the same year replaces an
	 * earlier one.
	 */
	public static WorkingDays of(Collection<Schedule> schedules) {
		return of(schedules, List.of());
	}

	/**
	 * A calendar of the given schedules, and of the fixed statutory holidays for the
	 * years no schedule covers.
	 */
	public static WorkingDays of(Collection<Schedule> schedules, Collection<FixedHoliday> fixedHolidays) {
		Map<Integer, Schedule> byYear = new TreeMap<>();
		schedules.forEach((schedule) -> byYear.put(schedule.year(), schedule));
		return new WorkingDays(byYear, fixedHolidays);
	}

	public boolean isWorkingDay(LocalDate day) {
		if (this.makeUpWorkdays.contains(day)) {
			return true;
		}
		if (this.holidays.contains(day)) {
			return false;
		}
		if (!covers(day.getYear()) && this.fixedHolidays.contains(MonthDay.from(day))) {
			return false;
		}
		DayOfWeek weekday = day.getDayOfWeek();
		return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
	}

	public boolean covers(int year) {
		return this.schedules.containsKey(year);
	}

	public Set<Integer> coveredYears() {
		return this.schedules.keySet();
	}

	/**
	 * The day on which a limit of {@code workingDays} ends when counting starts the day
	 * after {@code from}: day 1 is the first working day after {@code from}. Zero days is
	 * {@code from} if that is a working day; a period whose last day is a rest day ends
	 * on the next working day (民法典第二百零三条), so zero days from a Sunday is Monday.
	 */
	public Due addWorkingDays(LocalDate from, int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("workingDays must not be negative");
		}
		LocalDate day = from;
		boolean provisional = !covers(from.getYear());
		int counted = 0;
		while (counted < workingDays || !isWorkingDay(day)) {
			day = day.plusDays(1);
			provisional |= !covers(day.getYear());
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return new Due(day, provisional);
	}

	/**
	 * Working days in the half-open range ({@code from}, {@code to}]: how many working
	 * days pass when time moves from one day to the other. Zero when {@code to} is not
	 * after {@code from}.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

}
