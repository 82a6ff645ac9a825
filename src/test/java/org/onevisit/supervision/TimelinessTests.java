package org.onevisit.supervision;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.onevisit.shared.Calendars;
import org.onevisit.shared.WorkingDays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lights of a task due on the first working day after National Day 2025 (1-8 October
 * off, Sunday 28 September worked).
 */
class TimelinessTests {

	static final WorkingDays PRC_2025 = Calendars.prc2025();

	static final LocalDate COMMITTED = LocalDate.of(2025, 10, 9);

	static final LocalDate STATUTORY = LocalDate.of(2025, 10, 13);

	static Timeliness on(int month, int day) {
		return Timeliness.on(LocalDate.of(2025, month, day), COMMITTED, STATUTORY, PRC_2025);
	}

	@Test
	void staysGreenWhileMoreThanOneWorkingDayIsLeftCountingTheWorkedSunday() {
		assertThat(on(9, 26).light()).isEqualTo(Timeliness.Light.GREEN);
		assertThat(on(9, 26).workingDaysLeft()).isEqualTo(4);
		assertThat(on(9, 29).light()).isEqualTo(Timeliness.Light.GREEN);
	}

	@Test
	void turnsYellowOnTheLastWorkingDayBeforeTheHolidayWeekNineCalendarDaysAhead() {
		assertThat(on(9, 30).light()).isEqualTo(Timeliness.Light.YELLOW);
		assertThat(on(9, 30).workingDaysLeft()).isEqualTo(1);
		assertThat(on(10, 5).light()).isEqualTo(Timeliness.Light.YELLOW);
		assertThat(on(10, 9).light()).isEqualTo(Timeliness.Light.YELLOW);
	}

	@Test
	void turnsRedTheDayAfterTheCommittedDueAndFlagsTheStatutoryLimitApart() {
		assertThat(on(10, 10).light()).isEqualTo(Timeliness.Light.RED);
		assertThat(on(10, 10).pastStatutory()).isFalse();
		assertThat(on(10, 13).pastStatutory()).isFalse();
		assertThat(on(10, 14).light()).isEqualTo(Timeliness.Light.RED);
		assertThat(on(10, 14).pastStatutory()).isTrue();
	}

}
