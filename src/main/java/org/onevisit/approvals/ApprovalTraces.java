package org.onevisit.approvals;

import java.util.List;
import java.util.Set;
import java.time.LocalDate;

import org.onevisit.identity.Actor;
import org.onevisit.applications.ApplicationId;

/** The traces of instant approval, for whoever may see the application. */
public interface ApprovalTraces {

	List<ApprovalTrace> of(ApplicationId application, Actor by);

	/**
	 * Tasks of the items (all when null) evaluated in the period, and how many of them
	 * were approved instantly.
	 */
	Rate rate(Set<String> itemCodes, LocalDate from, LocalDate to);

	record Rate(long evaluated, long approvedInstantly) {
	}

}
