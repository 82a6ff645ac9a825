package org.onevisit.messages;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.Channel;
import org.onevisit.benefits.BenefitsGiven;
import org.onevisit.benefits.Policy;
import org.onevisit.delivery.DeliveryHandedOver;
import org.onevisit.feedback.FeedbackEvents.ComplaintAnswered;
import org.onevisit.feedback.FeedbackEvents.EnquiryAnswered;
import org.onevisit.feedback.FeedbackEvents.RectificationAnswered;
import org.onevisit.licences.LicenceEvents.IssuedLicence;
import org.onevisit.licences.LicenceEvents.LicenceRevoked;
import org.onevisit.licences.LicenceEvents.LicencesIssued;
import org.onevisit.payments.PaymentConfirmed;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The messages module alone (with the platform it runs on and the accounts it signs in):
 * each event of another module that a person must know of leaves one message in their
 * inbox, and a repeated event leaves no second one.
 */
@ApplicationModuleTest(extraIncludes = { "platform", "identity", "privacy", "signing" })
class MessagesModuleTests {

	private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

	@Autowired
	Inbox inbox;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void tellsTheHolderOfEachLicenceIssued(Scenario scenario) {
		Subject holder = aPerson();
		UUID licence = UUID.randomUUID();

		scenario
			.stimulate(() -> publish(new LicencesIssued("339900-20261206-000001",
					List.of(new IssuedLicence(licence, "不动产权证书", holder, "339900-NR-001")), NOW, Channel.ONLINE)))
			.andWaitForStateChange(() -> this.inbox.of(holder), (messages) -> !messages.isEmpty())
			.andVerify((messages) -> assertThat(messages).singleElement().satisfies((message) -> {
				assertThat(message.key()).isEqualTo("message.licenceIssued");
				assertThat(message.arguments()).containsExactly("不动产权证书", "339900-20261206-000001");
				assertThat(message.link()).isEqualTo("/licences/" + licence);
			}));
	}

	@Test
	void tellsTheHolderWhyTheLicenceWasRevokedOnlyOnce(Scenario scenario) {
		Subject holder = aPerson();
		LicenceRevoked revoked = new LicenceRevoked(UUID.randomUUID(), "营业执照", holder, "登记事项有误", NOW);

		scenario.stimulate(() -> {
			publish(revoked);
			publish(revoked);
		})
			.andWaitForStateChange(() -> this.inbox.of(holder), (messages) -> !messages.isEmpty())
			.andVerify((messages) -> assertThat(messages).singleElement().satisfies((message) -> {
				assertThat(message.key()).isEqualTo("message.licenceRevoked");
				assertThat(message.arguments()).containsExactly("营业执照", "登记事项有误");
			}));
	}

	@Test
	void pointsTheHolderOfASupersededLicenceToItsSuccessor(Scenario scenario) {
		Subject holder = aPerson();
		UUID successor = UUID.randomUUID();
		LicenceRevoked superseded = new LicenceRevoked(UUID.randomUUID(), "不动产权证书", holder, "已换发", NOW, successor,
				"浙(2026)示范市不动产权第0000124号");

		scenario.stimulate(() -> publish(superseded))
			.andWaitForStateChange(() -> this.inbox.of(holder), (messages) -> !messages.isEmpty())
			.andVerify((messages) -> assertThat(messages).singleElement().satisfies((message) -> {
				assertThat(message.key()).isEqualTo("message.licenceSuperseded");
				assertThat(message.arguments()).containsExactly("不动产权证书", "浙(2026)示范市不动产权第0000124号");
				assertThat(message.link()).isEqualTo("/licences/" + successor);
			}));
	}

	@Test
	void tellsThePayerTheAmountPaidForTheMatter(Scenario scenario) {
		Subject payer = aPerson();
		ApplicationId matter = new ApplicationId(UUID.randomUUID());

		scenario
			.stimulate(() -> publish(new PaymentConfirmed(UUID.randomUUID(), matter, new BigDecimal("80.00"),
					"simulated", "T-1", NOW, "339900-20261206-000002", payer, Channel.ONLINE)))
			.andWaitForStateChange(() -> this.inbox.of(payer), (messages) -> !messages.isEmpty())
			.andVerify((messages) -> assertThat(messages).singleElement().satisfies((message) -> {
				assertThat(message.key()).isEqualTo("message.paymentConfirmed");
				assertThat(message.arguments()).containsExactly("339900-20261206-000002", "80.00");
				assertThat(message.link()).isEqualTo("/my/applications/" + matter.value());
			}));
	}

	@Test
	void tellsTheRecipientWhichCourierCarriesTheResult(Scenario scenario) {
		Subject recipient = aPerson();

		scenario
			.stimulate(() -> publish(new DeliveryHandedOver(new ApplicationId(UUID.randomUUID()),
					"339900-20261206-000003", recipient, true, "中国邮政EMS", "EMS123", NOW, Channel.ONLINE)))
			.andWaitForStateChange(() -> this.inbox.of(recipient), (messages) -> !messages.isEmpty())
			.andVerify((messages) -> assertThat(messages).singleElement().satisfies((message) -> {
				assertThat(message.key()).isEqualTo("message.deliveryShipped");
				assertThat(message.arguments()).containsExactly("339900-20261206-000003", "中国邮政EMS", "EMS123");
			}));
	}

	@Test
	void tellsThePeopleWhoseRatingComplaintOrQuestionWasAnswered(Scenario scenario) {
		Subject applicant = aPerson();

		scenario.stimulate(() -> {
			publish(new RectificationAnswered(UUID.randomUUID(), new ApplicationId(UUID.randomUUID()),
					"339900-20261206-000004", applicant, NOW));
			publish(new ComplaintAnswered(UUID.randomUUID(), "TS-0001", applicant, NOW));
			publish(new EnquiryAnswered(UUID.randomUUID(), "二手房过户需要带哪些材料？我的房子还有贷款怎么办", applicant, NOW));
		})
			.andWaitForStateChange(() -> this.inbox.of(applicant), (messages) -> messages.size() == 3)
			.andVerify((messages) -> assertThat(messages).extracting(Message::key)
				.containsExactlyInAnyOrder("message.rectificationAnswered", "message.complaintAnswered",
						"message.enquiryAnswered")
				.isNotEmpty());
		assertThat(this.inbox.of(applicant)).filteredOn((message) -> message.key().equals("message.enquiryAnswered"))
			.singleElement()
			.satisfies((message) -> assertThat(message.arguments()).containsExactly("二手房过户需要带哪些材料？我的房子还有贷…"));
	}

	@Test
	void tellsEachPersonAPolicyGrantedTheirBenefit(Scenario scenario) {
		Subject first = aPerson();
		Subject second = aPerson();

		scenario
			.stimulate(() -> publish(new BenefitsGiven("old-age-allowance", "高龄津贴", "每月200元", Policy.Mode.GRANT,
					List.of(first, second), NOW)))
			.andWaitForStateChange(() -> this.inbox.of(second), (messages) -> !messages.isEmpty())
			.andVerify((messages) -> assertThat(messages).singleElement()
				.satisfies((message) -> assertThat(message.key()).isEqualTo("message.benefitGranted")));
		assertThat(this.inbox.of(first)).singleElement()
			.satisfies((message) -> assertThat(message.arguments()).containsExactly("高龄津贴", "每月200元"));
	}

	/**
	 * Published in the stimulus's transaction, as every module publishes them: a message
	 * is stored in the transaction of its cause.
	 */
	private void publish(Object event) {
		this.events.publishEvent(event);
	}

	private static int next = 1;

	/** A new person each time, so that inboxes of earlier tests do not count. */
	private static synchronized Subject aPerson() {
		String base = "3399021960" + String.format("%04d", 101 + next++) + "001";
		return Subject.person(ResidentId.completing(base));
	}

}
