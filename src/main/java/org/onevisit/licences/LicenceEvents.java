package org.onevisit.licences;

import java.time.Instant;
import java.util.UUID;

import org.onevisit.applications.Subject;

/** What happens to licences, for the modules that tell people about it. */
public final class LicenceEvents {

	private LicenceEvents() {
	}

	public record LicenceIssued(UUID licence, String typeName, Subject holder, String trackingNumber, Instant at) {
	}

	public record LicenceRevoked(UUID licence, String typeName, Subject holder, String reason, Instant at) {
	}

}
