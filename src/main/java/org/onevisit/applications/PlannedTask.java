package org.onevisit.applications;

import java.util.List;

import org.onevisit.catalog.Workflow;

/**
 * What the catalogue says one item of an application needs: who reviews it, how, how long
 * it may take, and, in a bundle, the items whose results it waits for before it opens.
 */
public record PlannedTask(String itemCode, int itemVersion, String departmentCode, Workflow workflow,
		int committedLimit, int statutoryLimit, List<String> needs) {

	public PlannedTask {
		needs = (needs != null) ? List.copyOf(needs) : List.of();
	}

	public PlannedTask(String itemCode, int itemVersion, String departmentCode, Workflow workflow, int committedLimit,
			int statutoryLimit) {
		this(itemCode, itemVersion, departmentCode, workflow, committedLimit, statutoryLimit, List.of());
	}

}
