package org.onevisit.shared;

import java.time.LocalDate;

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

}
