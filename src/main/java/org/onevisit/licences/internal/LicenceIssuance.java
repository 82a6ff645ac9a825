package org.onevisit.licences.internal;

import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationEvents.ResultNeeded;
import org.onevisit.exchange.RegistryEvents.RegistryWritten;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issues licences: on approval for the items that write nothing back, when the registry
 * applied the change for the items that do (their licence carries its results), and for
 * one item early when another item of the matter needs its result. The events come
 * through the outbox: if issuing fails, the publication stays incomplete and is
 * resubmitted later (by the platform's outbox retry), and issuing only adds what is
 * missing.
 */
@Component
class LicenceIssuance {

	/**
	 * The id the outbox records this listener's publications under: fixed, so that
	 * renaming the class or the method does not orphan publications not yet handled.
	 */
	static final String ID = "licences.LicenceIssuance";

	static final String WRITTEN_ID = "licences.LicenceIssuance.written";

	static final String NEEDED_ID = "licences.LicenceIssuance.needed";

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

	@ApplicationModuleListener(id = LicenceIssuance.WRITTEN_ID, condition = "@licenceIssuance.concerns(#written)")
	void on(RegistryWritten written) {
		this.licences.issueFor(written);
	}

	/** An item another item needs now: issued like its approval alone. */
	@ApplicationModuleListener(id = LicenceIssuance.NEEDED_ID, condition = "@licenceIssuance.concerns(#needed)")
	void on(ResultNeeded needed) {
		this.licences.issueFor(needed);
	}

	/**
	 * Whether some approved item issues a licence on approval (read from the catalogue in
	 * memory).
	 */
	public boolean concerns(ApplicationApproved approved) {
		return this.licences.issuesAny(approved);
	}

	/**
	 * Whether the item needed early issues its licence on approval (one that writes back
	 * issues when the registry answered).
	 */
	public boolean concerns(ResultNeeded needed) {
		return this.licences.issuesOnApproval(needed.item());
	}

	/** Whether the registry's answer is for an item whose licence is issued from it. */
	public boolean concerns(RegistryWritten written) {
		return this.licences.concerns(written);
	}

}
