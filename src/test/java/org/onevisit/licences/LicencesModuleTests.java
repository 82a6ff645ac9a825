package org.onevisit.licences;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.Channel;
import org.onevisit.applications.Decision;
import org.onevisit.applications.PartyConfirmation;
import org.onevisit.applications.Task;
import org.onevisit.identity.Actor;
import org.onevisit.messages.Inbox;
import org.onevisit.messages.Message;
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
 * to its holder.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES,
		extraIncludes = { "platform", "identity", "calendar", "messages", "demo" })
class LicencesModuleTests {

	private static final String SELLER_ID = "339902198503120016";

	@Autowired
	ApplicationManagement applications;

	@Autowired
	LicenceWallet wallet;

	@Autowired
	Inbox inbox;

	@Test
	void approvingTheFlatTransferIssuesTheBuyersCertificateAndTellsTheBuyer(Scenario scenario) {
		Subject buyer = Subject.person(ResidentId.completing("33990319900101" + "777"));

		scenario.stimulate(this::approvedFlatTransfer)
			.andWaitForStateChange(() -> this.inbox.of(buyer),
					(messages) -> messages.stream().anyMatch((m) -> m.key().equals("message.licenceIssued")))
			.andVerify((messages) -> {
				// asked first, as its buyer, to confirm the sale; newest first
				assertThat(messages).extracting(Message::key)
					.containsExactly("message.licenceIssued", "message.confirmationAwaited");
				assertThat(this.wallet.heldBy(buyer)).singleElement()
					.satisfies((licence) -> assertThat(licence.typeName()).isEqualTo("不动产权证书"));
			});
	}

	/**
	 * Filed by the seller for the buyer 李四, approved by every department at every step.
	 */
	private Application approvedFlatTransfer() {
		Map<String, Object> form = new HashMap<>();
		form.put("sellerId", SELLER_ID);
		form.put("sellerName", "张三");
		form.put("buyerId", ResidentId.completing("33990319900101" + "777").value());
		form.put("buyerName", "李四");
		// no registry runs in this module's test, so nothing reads who owns the flat: a
		// certificate number of its own keeps the filing apart from others
		form.put("certificateNo", String.format("浙(2020)示范市不动产权第%07d号", (int) (Math.random() * 10_000_000)));
		form.put("address", "东湖区示范路" + UUID.randomUUID().toString().substring(0, 4) + "号");
		form.put("price", 1_250_000);
		form.put("paymentMethod", "商业贷款");
		Application application = this.applications.submit(
				new Submission(null, "flat-transfer", Subject.person(ResidentId.of(SELLER_ID)), Channel.ONLINE, form),
				Actor.applicant("applicant1"), null);
		// the buyer confirms the sale before any department reviews it
		for (PartyConfirmation part : application.parties()) {
			if (part.pending()) {
				application = this.applications.confirm(part.id(), Actor.applicant("party", part.party()), null);
			}
		}
		for (Task task : application.tasks()) {
			Actor reviewer = Actor.reviewer("reviewer-" + task.plan().departmentCode(), task.plan().departmentCode());
			for (int step = 0; step < task.plan().workflow().steps().size(); step++) {
				application = this.applications.decide(task.id(), Decision.Approve.here(), reviewer, null);
			}
		}
		return application;
	}

}
