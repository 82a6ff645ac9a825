package org.onevisit.applications;

import java.time.Instant;
import java.util.UUID;

/**
 * A file an applicant handed in: stored under its id, never under the name it came with,
 * with the type its content shows (not the one its name claims).
 */
public record Upload(UUID id, String owner, String originalName, String mediaType, long size, String sha256,
		Instant storedAt, String material) {

	/** Whether it may stand for that material: made for it, or for none in particular. */
	public boolean fits(String materialCode) {
		return this.material == null || this.material.equals(materialCode);
	}

}
