package org.onevisit.licences;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.onevisit.identity.Actor;
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

	/**
	 * Whether the actor reviews for the department that issued the licence: who may see
	 * any licence it issued, and the only one who may revoke it.
	 */
	public boolean reviewedBy(Actor actor) {
		return actor.kind() == Actor.Kind.REVIEWER
				&& actor.department().map(this.issuerDepartment::equals).orElse(false);
	}

	/**
	 * The licence withdrawn now, for a reason its holder reads; a licence is revoked
	 * once.
	 */
	public Licence revoke(String reason, Actor by, Clock clock) {
		if (revoked()) {
			throw LicenceRefused.alreadyRevoked(this.id);
		}
		return new Licence(this.id, this.typeName, this.typeCode, this.holder, this.issuerDepartment, this.issuerName,
				this.issuedOn, this.validUntil, this.fields, this.fieldLabels, this.trackingNumber, this.itemCode,
				this.keyId, this.document, new Revocation(clock.instant(), by.username(), reason.strip()));
	}

}
