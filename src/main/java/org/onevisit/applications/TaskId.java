package org.onevisit.applications;

import java.util.UUID;

public record TaskId(UUID value) {

	public static TaskId random() {
		return new TaskId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
