package org.onevisit.licences;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.onevisit.identity.Actor;
import org.onevisit.shared.Subject;

/**
 * An electronic licence as issued: its legal number (证书号, 统一社会信用代码, 字号, or the type's
 * yearly sequence; the id stays the platform's internal reference and the QR code's), its
 * signed document (canonical JSON, see {@code docs/licences.md}) and what the platform
 * knows beyond it, its revocation.
 */
public record Licence(UUID id, String number, String typeName, String typeCode, Subject holder, String issuerDepartment,
		String issuerName, LocalDate issuedOn, LocalDate validUntil, Map<String, String> fields,
		Map<String, String> fieldLabels, String trackingNumber, String itemCode, String keyId, String document,
		Revocation revocation) {

	/**
	 * Why and when the issuing department withdrew a licence; for one replaced by a new
	 * licence (换发), its successor and the successor's legal number.
	 */
	public record Revocation(Instant at, String by, String reason, UUID successor, String successorNumber) {

		public Revocation(Instant at, String by, String reason) {
			this(at, by, reason, null, null);
		}

	}

	public boolean revoked() {
		return this.revocation != null;
	}

	/** Whether a new licence replaced this one (换发). */
	public boolean superseded() {
		return this.revocation != null && this.revocation.successor() != null;
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
		return new Licence(this.id, this.number, this.typeName, this.typeCode, this.holder, this.issuerDepartment,
				this.issuerName, this.issuedOn, this.validUntil, this.fields, this.fieldLabels, this.trackingNumber,
				this.itemCode, this.keyId, this.document,
				new Revocation(clock.instant(), by.username(), reason.strip()));
	}

}
