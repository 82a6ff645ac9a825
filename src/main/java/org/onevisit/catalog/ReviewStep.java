package org.onevisit.catalog;

import java.util.List;

/**
 * One step of an item's review: who may act at it and which steps may follow. A step with
 * no successor is a decision step: acting there approves or rejects the task. The
 * {@code label} is what people read (受理, 审查); without one the name is shown. A step
 * {@code notBy} earlier steps is done by someone other than whoever did those (受理 and 登簿
 * by different people: separation of duties).
 */
public record ReviewStep(String name, String label, StepRole role, List<String> next, List<String> notBy) {

	/** Who acts at a step: the owning department's reviewer, or a clerk at a hall. */
	public enum StepRole {

		REVIEWER, CLERK

	}

	public ReviewStep {
		next = (next != null) ? List.copyOf(next) : List.of();
		notBy = (notBy != null) ? List.copyOf(notBy) : List.of();
	}

	public ReviewStep(String name, String label, StepRole role, List<String> next) {
		this(name, label, role, next, List.of());
	}

	public ReviewStep(String name, StepRole role, List<String> next) {
		this(name, null, role, next);
	}

	/** What a person reads for this step. */
	public String displayName() {
		return (this.label != null) ? this.label : this.name;
	}

	public boolean decides() {
		return this.next.isEmpty();
	}

}
