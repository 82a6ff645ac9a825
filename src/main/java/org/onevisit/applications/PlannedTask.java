package org.onevisit.applications;

import org.onevisit.catalog.Workflow;

/**
 * What the catalogue says one item of an application needs: who reviews it, how, and how
 * long it may take.
 */
public record PlannedTask(String itemCode, int itemVersion, String departmentCode, Workflow workflow,
		int committedLimit, int statutoryLimit) {

}
