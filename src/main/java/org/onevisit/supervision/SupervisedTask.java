package org.onevisit.supervision;

import java.time.LocalDate;
import java.util.UUID;

/** A task under review as supervision sees it, with its light today. */
public record SupervisedTask(UUID task, UUID application, String trackingNumber, String departmentCode, String itemCode,
		String stepLabel, LocalDate committedDue, LocalDate statutoryDue, Timeliness timeliness) {
}
