package org.onevisit.supervision;

import java.time.LocalDate;

import org.onevisit.shared.WorkingDays;

/**
 * Where a task stands against its limits on a given day: the light of the committed limit
 * and whether the statutory limit has passed.
 */
public record Timeliness(Light light, boolean pastStatutory, int workingDaysLeft) {

	public enum Light {

		/** More than one working day before the committed limit. */
		GREEN,
		/** One working day or less before the committed limit, or the day itself. */
		YELLOW,
		/** Past the committed limit. */
		RED

	}

	/**
	 * The rule of the office: yellow from one working day before the committed due date
	 * (so a task due right after a holiday week turns yellow on the last working day
	 * before it), red from the day after it; the statutory flag from the day after the
	 * statutory due date.
	 */
	public static Timeliness on(LocalDate today, LocalDate committedDue, LocalDate statutoryDue, WorkingDays calendar) {
		boolean pastStatutory = today.isAfter(statutoryDue);
		if (today.isAfter(committedDue)) {
			return new Timeliness(Light.RED, pastStatutory, -calendar.workingDaysBetween(committedDue, today));
		}
		int left = calendar.workingDaysBetween(today, committedDue);
		return new Timeliness((left <= 1) ? Light.YELLOW : Light.GREEN, pastStatutory, left);
	}

}
