package org.onevisit.applications;

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
		if (name == null) {
			throw ReviewRefused.decisionInvalid("decision is APPROVE, REJECT or SUPPLEMENT");
		}
		return switch (name) {
			case "APPROVE" -> new Approve((nextStep == null || nextStep.isBlank()) ? null : nextStep);
			case "REJECT" -> new Reject(reason);
			case "SUPPLEMENT" -> new RequestSupplement(missing, reason);
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
	 * Asks for everything missing at once (一次性告知); the task's clock stops until it is
	 * provided.
	 */
	record RequestSupplement(List<String> missing, String note) implements Decision {

		public RequestSupplement {
			missing = (missing != null) ? List.copyOf(missing) : List.of();
		}

	}

}
