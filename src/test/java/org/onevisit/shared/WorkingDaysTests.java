package org.onevisit.shared;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting statutory limits across the 2025 schedule (国办发明电〔2024〕12号): Spring Festival 28
 * Jan - 4 Feb with Sunday 26 Jan and Saturday 8 Feb worked; National Day 1-8 Oct with
 * Sunday 28 Sep and Saturday 11 Oct worked.
 */
class WorkingDaysTests {

	static final WorkingDays CALENDAR = Calendars.prc2025();

	@Test
	void countsTheMakeUpSundayBeforeSpringFestivalAsAWorkingDay() {
		// Friday 24 Jan: Sat 25 off, Sun 26 worked (1), Mon 27 (2), 28 Jan - 4 Feb off, 5
		// (3), 6 (4), 7 (5)
		assertThat(CALENDAR.addWorkingDays(LocalDate.of(2025, 1, 24), 1).date()).isEqualTo(LocalDate.of(2025, 1, 26));
		assertThat(CALENDAR.addWorkingDays(LocalDate.of(2025, 1, 24), 5).date()).isEqualTo(LocalDate.of(2025, 2, 7));
	}

	@Test
	void countsTheMakeUpSaturdayAfterSpringFestivalAsAWorkingDay() {
		assertThat(CALENDAR.addWorkingDays(LocalDate.of(2025, 2, 5), 3).date()).isEqualTo(LocalDate.of(2025, 2, 8));
		assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
		assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 2, 9))).isFalse();
	}

	@Test
	void skipsTheWholeSpringFestivalWeek() {
		assertThat(LocalDate.of(2025, 1, 28).datesUntil(LocalDate.of(2025, 2, 5))).noneMatch(CALENDAR::isWorkingDay);
		// a limit starting on New Year's Eve ends after the holiday
		assertThat(CALENDAR.addWorkingDays(LocalDate.of(2025, 1, 28), 1).date()).isEqualTo(LocalDate.of(2025, 2, 5));
	}

	@Test
	void countsAcrossTheNationalDayWeekWithBothMakeUpDays() {
		// Friday 26 Sep: Sun 28 worked (1), 29 (2), 30 (3), 1-8 Oct off, 9 (4), 10 (5),
		// Sat 11 worked (6), 13 (7)
		assertThat(CALENDAR.addWorkingDays(LocalDate.of(2025, 9, 26), 1).date()).isEqualTo(LocalDate.of(2025, 9, 28));
		assertThat(CALENDAR.addWorkingDays(LocalDate.of(2025, 9, 26), 6).date()).isEqualTo(LocalDate.of(2025, 10, 11));
		assertThat(CALENDAR.addWorkingDays(LocalDate.of(2025, 9, 26), 7).date()).isEqualTo(LocalDate.of(2025, 10, 13));
	}

	@Test
	void dayOneIsTheFirstWorkingDayAfterTheStart() {
		LocalDate monday = LocalDate.of(2025, 3, 3);

		assertThat(CALENDAR.addWorkingDays(monday, 1).date()).isEqualTo(LocalDate.of(2025, 3, 4));
		assertThat(CALENDAR.addWorkingDays(monday, 0).date()).isEqualTo(monday);
		assertThat(CALENDAR.addWorkingDays(LocalDate.of(2025, 3, 7), 1).date()).isEqualTo(LocalDate.of(2025, 3, 10));
	}

	@Test
	void measuresWorkingDaysBetweenTwoDaysForPausedClocks() {
		// a supplement outstanding from 27 Jan to 10 Feb 2025 pauses 27 Jan is excluded:
		// 5, 6, 7, 8 and 10 Feb
		assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2025, 1, 27), LocalDate.of(2025, 2, 10))).isEqualTo(5);
		assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 1, 27))).isZero();
	}

	@Test
	void marksADueDateInAYearWithoutAPublishedScheduleAsProvisional() {
		assertThat(CALENDAR.addWorkingDays(LocalDate.of(2025, 6, 2), 20).provisional()).isFalse();
		WorkingDays.Due intoNextYear = CALENDAR.addWorkingDays(LocalDate.of(2025, 12, 22), 10);

		assertThat(intoNextYear.provisional()).isTrue();
		assertThat(intoNextYear.date()).isEqualTo(LocalDate.of(2026, 1, 5));
	}

	@Test
	void aZeroDayItemFiledOnARestDayFallsDueOnTheNextWorkingDay() {
		// 民法典第二百零三条: a period whose last day is a rest day ends on the next working day
		assertThat(CALENDAR.addWorkingDays(LocalDate.of(2025, 6, 8), 0).date()).as("Sunday")
			.isEqualTo(LocalDate.of(2025, 6, 9));
		assertThat(CALENDAR.addWorkingDays(LocalDate.of(2025, 10, 3), 0).date()).as("in the National Day week")
			.isEqualTo(LocalDate.of(2025, 10, 9));
		assertThat(CALENDAR.addWorkingDays(LocalDate.of(2025, 6, 9), 0).date()).as("a Monday stays")
			.isEqualTo(LocalDate.of(2025, 6, 9));
		assertThat(CALENDAR.addWorkingDays(LocalDate.of(2025, 9, 28), 0).date()).as("a make-up Sunday is worked")
			.isEqualTo(LocalDate.of(2025, 9, 28));
	}

	@Test
	void keepsTheFixedStatutoryHolidaysInAYearWithoutASchedule() {
		WorkingDays calendar = WorkingDays.of(List.of(),
				List.of(new WorkingDays.FixedHoliday("元旦", List.of(MonthDay.of(1, 1)), "全国年节及纪念日放假办法"),
						new WorkingDays.FixedHoliday("劳动节", List.of(MonthDay.of(5, 1), MonthDay.of(5, 2)), "同上"),
						new WorkingDays.FixedHoliday("国庆节",
								List.of(MonthDay.of(10, 1), MonthDay.of(10, 2), MonthDay.of(10, 3)), "同上")));

		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).as("Friday 1 January 2027").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 3))).as("a plain Monday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).isFalse();
		WorkingDays.Due due = calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 1);
		assertThat(due.date()).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(due.provisional()).isTrue();
		assertThat(calendar.addWorkingDays(LocalDate.of(2027, 1, 1), 0))
			.isEqualTo(new WorkingDays.Due(LocalDate.of(2027, 1, 4), true));
	}

	@Test
	void aScheduleOverridesTheFixedDatesOfItsYear() {
		// a published schedule may make a fixed holiday's neighbour a make-up working
		// day; it
		// is the whole truth about its year
		WorkingDays calendar = WorkingDays.of(
				List.of(new WorkingDays.Schedule(2027, "test",
						List.of(new WorkingDays.Holiday("元旦", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 3),
								Set.of())))),
				List.of(new WorkingDays.FixedHoliday("国庆节", List.of(MonthDay.of(10, 1)), "test")));

		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).as("not in the 2027 schedule").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2028, 10, 2))).as("Monday 2 October 2028").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2028, 10, 1))).isFalse();
	}

}
