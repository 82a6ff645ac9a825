package org.onevisit.applications;

import java.util.UUID;

public record ApplicationId(UUID value) {

	public static ApplicationId random() {
		return new ApplicationId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
