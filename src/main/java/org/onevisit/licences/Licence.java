package org.onevisit.licences;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.onevisit.shared.Subject;

/**
 * An electronic licence as issued: its signed document (canonical JSON, see
 * {@code docs/licences.md}) and what the platform knows beyond it, its revocation.
 */
public record Licence(UUID id, String typeName, String typeCode, Subject holder, String issuerDepartment,
		String issuerName, LocalDate issuedOn, LocalDate validUntil, Map<String, String> fields,
		Map<String, String> fieldLabels, String trackingNumber, String itemCode, String keyId, String document,
		Revocation revocation) {

	/** Why and when the issuing department withdrew a licence. */
	public record Revocation(Instant at, String by, String reason) {
	}

	public boolean revoked() {
		return this.revocation != null;
	}

	public boolean expiredOn(LocalDate day) {
		return this.validUntil != null && day.isAfter(this.validUntil);
	}

	/** Whether the licence still stands on a day: neither revoked nor expired. */
	public boolean standsOn(LocalDate day) {
		return !revoked() && !expiredOn(day);
	}

}
