package org.onevisit.catalog;

import java.util.List;

/**
 * One step of an item's review: who may act at it and which steps may follow. A step with
 * no successor is a decision step: acting there approves or rejects the task.
 */
public record ReviewStep(String name, StepRole role, List<String> next) {

	/** Who acts at a step: the owning department's reviewer, or a clerk at a hall. */
	public enum StepRole {

		REVIEWER, CLERK

	}

	public ReviewStep {
		next = (next != null) ? List.copyOf(next) : List.of();
	}

	public boolean decides() {
		return this.next.isEmpty();
	}

}
