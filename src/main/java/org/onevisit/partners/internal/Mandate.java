package org.onevisit.partners.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.onevisit.shared.Subject;

/**
 * A mandate (委托授权): the person or business lets the partner file the named items (or
 * bundles) for them until the day, for the purpose. Withdrawn at any time.
 */
public record Mandate(UUID id, String partnerClientId, String partnerName, Subject subject, List<String> items,
		String purpose, Instant grantedAt, LocalDate validUntil, Channel channel, String grantedBy,
		Instant withdrawnAt) {

	/**
	 * Given online by the person, or recorded on paper by a clerk who checked identities.
	 */
	public enum Channel {

		ONLINE, PAPER

	}

	public boolean withdrawn() {
		return this.withdrawnAt != null;
	}

	/** Past its last day (the day itself still counts). */
	public boolean expiredOn(LocalDate today) {
		return today.isAfter(this.validUntil);
	}

	public boolean activeOn(LocalDate today) {
		return !withdrawn() && !expiredOn(today);
	}

	public String maskedSubject() {
		return (this.subject.person() != null) ? this.subject.person().masked() : this.subject.business().value();
	}

}
