package org.onevisit.licences.internal;

import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationEvents.ResultNeeded;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.catalog.Catalogue;
import org.onevisit.exchange.RegistryEvents.RegistryWritten;
import org.onevisit.licences.LicenceEvents.IssuedLicence;
import org.onevisit.licences.LicenceEvents.LicencesIssued;
import org.onevisit.platform.OnlyWhen;

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

	static final String WAITING_TASKS_ID = "licences.LicenceIssuance.waitingTasks";

	private final LicenceService licences;

	private final ApplicationManagement applications;

	private final Catalogue catalogue;

	LicenceIssuance(LicenceService licences, ApplicationManagement applications, Catalogue catalogue) {
		this.licences = licences;
		this.applications = applications;
		this.catalogue = catalogue;
	}

	// an approval that issues nothing is not even recorded in the outbox for this
	// listener
	@ApplicationModuleListener(id = LicenceIssuance.ID)
	@OnlyWhen("concerns")
	void on(ApplicationApproved approved) {
		this.licences.issueFor(approved);
	}

	@ApplicationModuleListener(id = LicenceIssuance.WRITTEN_ID)
	@OnlyWhen("concerns")
	void on(RegistryWritten written) {
		this.licences.issueFor(written);
	}

	/** An item another item needs now: issued like its approval alone. */
	@ApplicationModuleListener(id = LicenceIssuance.NEEDED_ID)
	@OnlyWhen("concerns")
	void on(ResultNeeded needed) {
		this.licences.issueFor(needed);
	}

	/**
	 * Whether some approved item issues a licence on approval (read from the catalogue in
	 * memory).
	 */
	boolean concerns(ApplicationApproved approved) {
		return this.licences.issuesAny(approved);
	}

	/**
	 * Whether the item needed early issues its licence on approval (one that writes back
	 * issues when the registry answered).
	 */
	boolean concerns(ResultNeeded needed) {
		return this.licences.issuesOnApproval(needed.item());
	}

	/** Whether the registry's answer is for an item whose licence is issued from it. */
	boolean concerns(RegistryWritten written) {
		return this.licences.concerns(written);
	}

	/**
	 * A licence some bundle's item waits for: the matter's waiting tasks are told (the
	 * applications module cannot listen to licences, which depend on it).
	 */
	@ApplicationModuleListener(id = LicenceIssuance.WAITING_TASKS_ID)
	@OnlyWhen("awaited")
	void on(LicencesIssued issued) {
		for (IssuedLicence licence : issued.licences()) {
			this.applications.resultIssued(issued.trackingNumber(), licence.itemCode(), licence.typeName(),
					licence.licence());
		}
	}

	/**
	 * Whether an item of some published bundle waits for one of these licences' items
	 * (the catalogue in memory): most issuances concern no waiting task.
	 */
	boolean awaited(LicencesIssued issued) {
		return this.catalogue.publishedBundles()
			.stream()
			.anyMatch((bundle) -> issued.licences()
				.stream()
				.anyMatch((licence) -> bundle.needed(bundle.itemHandledBy(licence.itemCode()))));
	}

}
