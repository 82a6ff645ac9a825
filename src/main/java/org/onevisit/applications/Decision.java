package org.onevisit.applications;

import java.time.LocalDate;
import java.util.List;

/** What a reviewer decides at a task's current step. */
public sealed interface Decision {

	/**
	 * The decision a reviewer sent by name, from the API or the review page alike:
	 * {@code APPROVE} (to the named next step, if any), {@code REJECT} with the reason,
	 * {@code SUPPLEMENT} with everything missing; any other name is refused, never
	 * guessed.
	 */
	static Decision named(String name, String reason, List<String> missing, String nextStep) {
		return named(name, reason, missing, List.of(), nextStep);
	}

	/**
	 * The decision sent by name, a supplement request naming the materials and fields it
	 * asks for besides lines to read.
	 */
	static Decision named(String name, String reason, List<String> missing, List<SupplementItem> items,
			String nextStep) {
		if (name == null) {
			throw ReviewRefused.decisionInvalid("decision is APPROVE, REJECT or SUPPLEMENT");
		}
		return switch (name) {
			case "APPROVE" -> new Approve((nextStep == null || nextStep.isBlank()) ? null : nextStep);
			case "REJECT" -> new Reject(reason);
			case "SUPPLEMENT" -> new RequestSupplement(missing, reason, items, null);
			default -> throw ReviewRefused.decisionInvalid("decision is APPROVE, REJECT or SUPPLEMENT");
		};
	}

	/**
	 * Passes the current step: at a decision step the task is approved, otherwise it
	 * moves to {@code nextStep} (or the step's first successor when none is named).
	 */
	record Approve(String nextStep) implements Decision {

		public static Approve here() {
			return new Approve(null);
		}

	}

	/** Ends the task, and with it the application, with a reason the citizen can read. */
	record Reject(String reason) implements Decision {
	}

	/**
	 * Asks for everything missing at once (一次性告知): materials to upload or replace and
	 * fields to correct, each with its reason, and lines to read; the task's clock stops
	 * until it is provided, at the latest by the deadline (none when not given).
	 */
	record RequestSupplement(List<String> missing, String note, List<SupplementItem> items,
			LocalDate due) implements Decision {

		public RequestSupplement {
			missing = (missing != null)
					? missing.stream().filter((line) -> line != null && !line.isBlank()).map(String::strip).toList()
					: List.of();
			items = (items != null) ? List.copyOf(items) : List.of();
		}

		public RequestSupplement(List<String> missing, String note) {
			this(missing, note, List.of(), null);
		}

		/** The same request, answered by that day at the latest. */
		public RequestSupplement dueBy(LocalDate day) {
			return new RequestSupplement(this.missing, this.note, this.items, day);
		}

	}

}
