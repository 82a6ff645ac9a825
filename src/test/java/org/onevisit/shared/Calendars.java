package org.onevisit.shared;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.onevisit.shared.WorkingDays.Holiday;
import org.onevisit.shared.WorkingDays.Schedule;

/**
 * Test calendars. 2025 (国办发明电〔2024〕12号): Spring Festival 28 Jan - 4 Feb with Sunday 26
 * Jan and Saturday 8 Feb worked; National Day 1-8 Oct with Sunday 28 Sep and Saturday 11
 * Oct worked.
 */
public final class Calendars {

	private Calendars() {
	}

	public static WorkingDays prc2025() {
		return WorkingDays.of(List.of(new Schedule(2025, "test",
				List.of(new Holiday("春节", LocalDate.of(2025, 1, 28), LocalDate.of(2025, 2, 4),
						Set.of(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8))),
						new Holiday("国庆节、中秋节", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 8),
								Set.of(LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11)))))));
	}

}
