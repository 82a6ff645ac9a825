package org.onevisit.applications;

import java.util.List;

/** What a reviewer decides at a task's current step. */
public sealed interface Decision {

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
