package org.onevisit.licences.internal;

import org.onevisit.applications.ApplicationEvents.ApplicationApproved;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issues licences when an application is approved. The event comes through the outbox: if
 * issuing fails, the publication stays incomplete and is resubmitted later (by the
 * platform's outbox retry), and issuing only adds what is missing.
 */
@Component
class LicenceIssuance {

	/**
	 * The id the outbox records this listener's publications under: fixed, so that
	 * renaming the class or the method does not orphan publications not yet handled.
	 */
	static final String ID = "licences.LicenceIssuance";

	private final LicenceService licences;

	LicenceIssuance(LicenceService licences) {
		this.licences = licences;
	}

	// an approval that issues nothing is not even recorded in the outbox for this
	// listener
	@ApplicationModuleListener(id = LicenceIssuance.ID, condition = "@licenceIssuance.concerns(#approved)")
	void on(ApplicationApproved approved) {
		this.licences.issueFor(approved);
	}

	/**
	 * Whether some approved item issues a licence (read from the catalogue in memory).
	 */
	public boolean concerns(ApplicationApproved approved) {
		return this.licences.issuesAny(approved);
	}

}
