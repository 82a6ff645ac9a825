package org.onevisit.supervision;

import java.util.List;
import java.util.Map;

import org.onevisit.catalog.RegionLevel;

/** The supervisor's view of timeliness, and the warnings that follow from it. */
public interface Supervision {

	/**
	 * What supervision looks at: one department, one hall, a region (and the regions
	 * under it) or a region level, as the dashboard filters; a null part means all. A
	 * task belongs to the region of the department that handles it.
	 */
	record Scope(String department, String hall, String region, RegionLevel level) {

		public static final Scope ALL = new Scope(null, null, null, null);

		public Scope {
			department = blankToNull(department);
			hall = blankToNull(hall);
			region = blankToNull(region);
		}

		/** The same region and level, any department and hall: what the boards count. */
		public Scope regional() {
			return new Scope(null, null, this.region, this.level);
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

	/**
	 * Tasks under review that are yellow or red today, within the scope, the most overdue
	 * first.
	 */
	List<SupervisedTask> watchList(Scope scope);

	/**
	 * Tasks under review that are yellow or red today, of one department and one hall
	 * (either null for all), the most overdue first.
	 */
	default List<SupervisedTask> watchList(String departmentCode, String hallCode) {
		return watchList(new Scope(departmentCode, hallCode, null, null));
	}

	/**
	 * Per department, how many of its watched tasks are yellow, red, past statutory;
	 * within the scope's region and level.
	 */
	Map<String, Counts> board(Scope scope);

	/** Per department, how many of its watched tasks are yellow, red, past statutory. */
	default Map<String, Counts> board() {
		return board(Scope.ALL);
	}

	/**
	 * The same per hall whose window accepted the tasks, within the scope's region and
	 * level; tasks filed online are not in it.
	 */
	Map<String, Counts> hallBoard(Scope scope);

	/**
	 * The same per hall whose window accepted the tasks; tasks filed online are not in
	 * it.
	 */
	default Map<String, Counts> hallBoard() {
		return hallBoard(Scope.ALL);
	}

	/** Counts of one department's watched tasks. */
	record Counts(int yellow, int red, int pastStatutory) {
	}

	/**
	 * Sends every warning due today that was not sent before; answers how many were sent.
	 * Runs on a schedule on one node; safe to run again at any time.
	 */
	int scan();

	/** Warnings sent to a department, newest first. */
	List<Warning> warningsTo(String departmentCode);

}
