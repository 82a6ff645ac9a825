package org.onevisit.calendar.internal.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.onevisit.shared.WorkingDays;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Calendar", description = "Statutory time limits in PRC working days")
class DueDateController {

	private final WorkingDays workingDays;

	DueDateController(WorkingDays workingDays) {
		this.workingDays = workingDays;
	}

	/**
	 * {@code provisional} is true when the count runs into a year whose holiday schedule
	 * is not yet published, where only weekends are known.
	 */
	record DueDate(LocalDate from, int workingDays, LocalDate due, boolean provisional) {
	}

	@GetMapping("/api/v1/calendar/due-date")
	@Operation(summary = "The day a limit of N working days ends; day 1 is the first working day after 'from'")
	DueDate dueDate(
			@Parameter(example = "2025-09-26") @RequestParam @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(example = "7") @RequestParam @Min(0) @Max(1000) int workingDays) {
		WorkingDays.Due due = this.workingDays.addWorkingDays(from, workingDays);
		return new DueDate(from, workingDays, due.date(), due.provisional());
	}

}
