package org.onevisit.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A warning to a department about one task: it turned yellow, red, or passed its
 * statutory limit. Sent once per task and level.
 */
public record Warning(UUID task, UUID application, String trackingNumber, String departmentCode, String itemCode,
		Level level, LocalDate committedDue, LocalDate statutoryDue, Instant sentAt) {

	public enum Level {

		YELLOW, RED, STATUTORY

	}

}
