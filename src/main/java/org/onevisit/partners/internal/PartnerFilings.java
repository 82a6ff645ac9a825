package org.onevisit.partners.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.applications.Channel;
import org.onevisit.applications.SubmissionRefused;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.identity.Actor;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;

import org.springframework.stereotype.Component;

/**
 * A partner's filing for a person or business under their mandate: the one path a single
 * filing of the API and every case of a batch take, so that both are checked alike
 * (mandate, scope, then the applications module's validation, parties, eligibility and
 * idempotency).
 */
@Component
public class PartnerFilings {

	private final ApplicationManagement applications;

	private final Mandates mandates;

	private final Catalogue catalogue;

	PartnerFilings(ApplicationManagement applications, Mandates mandates, Catalogue catalogue) {
		this.applications = applications;
		this.mandates = mandates;
		this.catalogue = catalogue;
	}

	/** What a partner files: the applicant's body of the API and the mandate it names. */
	public record Filing(UUID mandateId, String itemCode, String bundleCode, String residentId, String creditCode,
			Map<String, Object> form, Map<String, String> materials, Map<String, String> evidence,
			Map<String, String> uploadReasons) {
	}

	/** The filed application and the mandate it was filed under. */
	public record Filed(Application application, Mandate mandate) {
	}

	/**
	 * Files under the named mandate with the partner's scopes ({@code file:<group>}); the
	 * filing and its record for the subject commit together.
	 */
	public Filed file(String clientId, Set<String> scopes, Filing filing, String idempotencyKey) {
		Subject subject = subjectOf(filing.residentId(), filing.creditCode());
		String filed = (filing.itemCode() != null) ? filing.itemCode() : filing.bundleCode();
		Mandate mandate = this.mandates.require(filing.mandateId(), clientId, subject, filed);
		requireScope(scopes, filing);
		Application application = this.mandates.fileUnder(mandate,
				() -> this.applications.submit(
						new Submission(filing.itemCode(), filing.bundleCode(), subject, Channel.PARTNER, filing.form(),
								filing.materials(), filing.evidence(), filing.uploadReasons()),
						new Actor(clientId, Actor.Kind.APPLICANT, null, subject), idempotencyKey),
				(made) -> new Mandates.Filed(made.id().value(), made.trackingNumber()));
		return new Filed(application, mandate);
	}

	/** The partner's scopes name the item groups (departments) it may file in. */
	private void requireScope(Set<String> scopes, Filing filing) {
		if (filing.itemCode() == null && filing.bundleCode() == null) {
			throw SubmissionRefused.neitherItemNorBundle();
		}
		List<ServiceItem> items = (filing.itemCode() != null)
				? List.of(this.catalogue.item(filing.itemCode()).content())
				: this.catalogue.itemsOf(this.catalogue.bundle(filing.bundleCode()).content());
		for (ServiceItem item : items) {
			if (!scopes.contains(PartnerClients.FILE_SCOPE + item.departmentCode())) {
				throw MandateRefused.outsideScope();
			}
		}
	}

	private static Subject subjectOf(String residentId, String creditCode) {
		boolean person = residentId != null && !residentId.isBlank();
		boolean business = creditCode != null && !creditCode.isBlank();
		if (person == business) {
			throw SubmissionRefused.applicantInvalid();
		}
		return person ? Subject.person(ResidentId.of(residentId)) : Subject.business(CreditCode.of(creditCode));
	}

}
