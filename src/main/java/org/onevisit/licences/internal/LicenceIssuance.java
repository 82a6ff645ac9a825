package org.onevisit.licences.internal;

import java.util.List;

import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationEvents.ResultNeeded;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.catalog.Catalogue;
import org.onevisit.licences.LicenceEvents.IssuedLicence;
import org.onevisit.licences.LicenceEvents.LicencesIssued;

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

	static final String RESULT_NEEDED_ID = "licences.LicenceIssuance.resultNeeded";

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
	@ApplicationModuleListener(id = LicenceIssuance.ID, condition = "@licenceIssuance.concerns(#approved)")
	void on(ApplicationApproved approved) {
		this.licences.issueFor(approved);
	}

	/**
	 * An item another item of the matter waits for: its licence is issued now, as for an
	 * approval of that one item (the store keeps one licence per application and item, so
	 * the matter's approval later issues it no second time).
	 */
	@ApplicationModuleListener(id = LicenceIssuance.RESULT_NEEDED_ID)
	void on(ResultNeeded needed) {
		this.licences.issueFor(new ApplicationApproved(needed.application(), needed.trackingNumber(),
				List.of(needed.item()), needed.at()));
	}

	/**
	 * A licence some bundle's item waits for: the matter's waiting tasks are told (the
	 * applications module cannot listen to licences, which depend on it).
	 */
	@ApplicationModuleListener(id = LicenceIssuance.WAITING_TASKS_ID, condition = "@licenceIssuance.awaited(#issued)")
	void on(LicencesIssued issued) {
		for (IssuedLicence licence : issued.licences()) {
			this.applications.resultIssued(issued.trackingNumber(), licence.itemCode(), licence.typeName(),
					licence.licence());
		}
	}

	/**
	 * Whether some approved item issues a licence (read from the catalogue in memory).
	 */
	public boolean concerns(ApplicationApproved approved) {
		return this.licences.issuesAny(approved);
	}

	/**
	 * Whether an item of some published bundle waits for one of these licences' items
	 * (the catalogue in memory): most issuances concern no waiting task.
	 */
	public boolean awaited(LicencesIssued issued) {
		return this.catalogue.publishedBundles()
			.stream()
			.anyMatch((bundle) -> issued.licences().stream().anyMatch((licence) -> bundle.needed(licence.itemCode())));
	}

}
