package org.onevisit.supervision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A task under review as supervision sees it, with its light today and the hall whose
 * window accepted it (null when filed online).
 */
public record SupervisedTask(UUID task, UUID application, String trackingNumber, String departmentCode, String itemCode,
		String stepLabel, String hallCode, LocalDate committedDue, LocalDate statutoryDue, Timeliness timeliness) {
}
