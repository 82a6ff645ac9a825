package org.onevisit.applications;

import java.util.UUID;

import org.onevisit.shared.TimeOrderedIds;

public record TaskId(UUID value) {

	/** A new id, time-ordered so that rows are appended to the id's indexes. */
	public static TaskId next() {
		return new TaskId(TimeOrderedIds.next());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
