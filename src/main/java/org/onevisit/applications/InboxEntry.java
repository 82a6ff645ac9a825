package org.onevisit.applications;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A line of a department's inbox: one open task with what the reviewer sorts and filters
 * by.
 */
public record InboxEntry(TaskId task, ApplicationId application, String trackingNumber, String itemCode, String step,
		String stepLabel, TaskStatus status, LocalDate committedDue, LocalDate statutoryDue, Instant submittedAt,
		String departmentCode, String hallCode, Channel channel, String filedBy) {

	/** Whether a partner filed the matter for its applicant (under their mandate). */
	public boolean byPartner() {
		return this.channel == Channel.PARTNER;
	}

	/** What a reviewer narrows the inbox to. */
	public enum Filter {

		ALL, DUE_SOON, OVERDUE, WAITING

	}

}
