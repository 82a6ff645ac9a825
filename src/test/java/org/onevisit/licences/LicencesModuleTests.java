package org.onevisit.licences;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.Channel;
import org.onevisit.applications.MattersInProcess;
import org.onevisit.identity.Actor;
import org.onevisit.messages.Inbox;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The licences module with what it needs, the demo catalogue and the messages module that
 * tells people: an approval travels through the outbox to a signed licence and a message
 * to its holder. (An item that writes back to a registry issues on the registry's answer:
 * {@code LicenceResultsIntegrationTests}, with the registries running.)
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES,
		extraIncludes = { "platform", "identity", "calendar", "messages", "demo" })
class LicencesModuleTests {

	private static final String APPLICANT_ID = "339902198503120016";

	@Autowired
	ApplicationManagement applications;

	@Autowired
	LicenceWallet wallet;

	@Autowired
	Inbox inbox;

	@Test
	void approvingACertificateOfNoCriminalRecordIssuesItAndTellsItsHolder(Scenario scenario) {
		Subject applicant = Subject.person(ResidentId.of(APPLICANT_ID));
		String[] tracking = new String[1];

		scenario.stimulate(() -> {
			Application approved = approvedCertificateRequest();
			tracking[0] = approved.trackingNumber();
			return approved;
		})
			.andWaitForStateChange(() -> this.wallet.issuedFor(tracking[0]), (issued) -> !issued.isEmpty())
			.andVerify((issued) -> {
				assertThat(issued).singleElement().satisfies((licence) -> {
					assertThat(licence.typeName()).isEqualTo("无犯罪记录证明");
					assertThat(licence.holder()).isEqualTo(applicant);
					// the law gives it no number: the police's yearly sequence
					assertThat(licence.number()).matches("示公（无犯）证字〔\\d{4}〕第\\d{6}号");
				});
				assertThat(this.inbox.of(applicant)).anySatisfy((message) -> {
					assertThat(message.key()).isEqualTo("message.licenceIssued");
					assertThat(message.link()).isEqualTo("/licences/" + issued.get(0).id());
				});
			});
	}

	/** Filed by 张三 for himself, approved by the police at every step. */
	private Application approvedCertificateRequest() {
		Application application = this.applications.submit(
				new Submission("339900-POLICE-005", null, Subject.person(ResidentId.of(APPLICANT_ID)), Channel.ONLINE,
						Map.of("applicantId", APPLICANT_ID, "purpose", "出国留学")),
				Actor.applicant("applicant1"), null);
		return MattersInProcess.approveEveryStep(this.applications, application);
	}

}
