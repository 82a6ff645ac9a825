package org.onevisit.applications;

import org.onevisit.shared.OneVisitException;

/**
 * Someone else acted on the task since this reviewer looked at it ({@code task_changed});
 * reload and decide again.
 */
public final class TaskChanged extends OneVisitException {

	public TaskChanged(TaskId task) {
		super("task_changed", Kind.CONFLICT, "task " + task + " changed meanwhile");
	}

}
