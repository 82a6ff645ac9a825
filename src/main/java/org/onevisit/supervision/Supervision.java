package org.onevisit.supervision;

import java.util.List;
import java.util.Map;

/** The supervisor's view of timeliness, and the warnings that follow from it. */
public interface Supervision {

	/**
	 * Tasks under review that are yellow or red today, of one department and one hall
	 * (either null for all), the most overdue first.
	 */
	List<SupervisedTask> watchList(String departmentCode, String hallCode);

	/** Per department, how many of its watched tasks are yellow, red, past statutory. */
	Map<String, Counts> board();

	/**
	 * The same per hall whose window accepted the tasks; tasks filed online are not in
	 * it.
	 */
	Map<String, Counts> hallBoard();

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
