package org.onevisit.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The review steps of an item, first step first. Items that name none are decided in one
 * step by the department's reviewer.
 */
public record Workflow(List<ReviewStep> steps) {

	private static final List<ReviewStep> ONE_DECISION = List
		.of(new ReviewStep("decide", "决定", ReviewStep.StepRole.REVIEWER, List.of()));

	public static final Workflow SINGLE_DECISION = new Workflow(ONE_DECISION);

	public Workflow {
		steps = (steps != null && !steps.isEmpty()) ? List.copyOf(steps) : ONE_DECISION;
	}

	public ReviewStep first() {
		return this.steps.get(0);
	}

	public Optional<ReviewStep> step(String name) {
		return this.steps.stream().filter((step) -> step.name().equals(name)).findFirst();
	}

}
