package org.onevisit.applications;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reform's own figures about applications, from day-by-day roll-ups: how many tasks
 * were filed and through which channel, how many finished, on the spot or within the
 * committed limit, and how long they took. A task (one item of a matter) is the unit.
 */
public interface ApplicationStatistics {

	/** Which items (all when null) and which days (both inclusive). */
	record Scope(Set<String> itemCodes, LocalDate from, LocalDate to) {
	}

	Figures figures(Scope scope);

	/** Filed tasks per month, department and item, for open data. */
	List<MonthlyCell> monthly(Scope scope);

	/** Recomputes the roll-ups of recent days (run on a schedule). */
	void refresh();

	/** Recomputes every roll-up from all applications. */
	void rebuild();

	/**
	 * Upper bounds, in hours, of the handling-time histogram's buckets; the last is open.
	 */
	List<Integer> HOUR_BUCKETS = List.of(1, 4, 8, 24, 48, 72, 120, 168, 240, 360, 480, 720, 1440);

	record Figures(long filed, Map<String, Long> filedByChannel, Map<String, Long> supplementedByChannel, long finished,
			long approved, long sameDay, long withinCommitted, Double averageHours, Integer p90HoursAtMost,
			Map<LocalDate, Long> filedByDay, Map<String, Handling> byItem, Map<String, Handling> byDepartment) {
	}

	/** Finished tasks of an item or department and how long they took. */
	record Handling(long filed, long finished, Double averageHours, Integer p90HoursAtMost) {
	}

	record MonthlyCell(String month, String department, String itemCode, long filed, long finished,
			Double averageHours) {
	}

}
