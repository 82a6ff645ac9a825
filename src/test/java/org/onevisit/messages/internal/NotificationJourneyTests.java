package org.onevisit.messages.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.TestSmtp;
import org.onevisit.licences.LicenceEvents.LicenceRevoked;
import org.onevisit.messages.internal.OutgoingDeliveries.Outgoing;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import org.onevisit.supervision.Warning;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices leave OneVisit by e-mail, to a real SMTP server (GreenMail) that the test
 * reads, and by text, to the simulated SMS gateway: through the outbox, after the cause
 * committed, once each, retried while the server is down and then shown to
 * administrators, in the channels and the language each person chose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onevisit.messages.send-interval=PT0.2S", "onevisit.messages.backoff=PT0.2S",
				"onevisit.messages.max-attempts=3", "onevisit.public-url=https://onevisit.example" })
class NotificationJourneyTests {

	private static final String APPLICANT1 = "339902198503120016";

	private static final String APPLICANT2 = "339903199007180029";

	private static final String APPLICANT3 = "33990319870602934X";

	@RegisterExtension
	static final TestSmtp SMTP = new TestSmtp();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		SMTP.sendTo(registry);
	}

	@Autowired
	OneVisitServer server;

	@Autowired
	SimulatedSmsGateway sms;

	@Autowired
	OutgoingDeliveries deliveries;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	SupervisionWarnings warnings;

	@Test
	void tellsTheApplicantByEmailAndTextWhenFiledAskedForMoreApprovedAndIssued() throws Exception {
		OneVisitHttp http = this.server.http();
		Matters matters = this.server.matters(http);
		String mail = "zhangsan." + UUID.randomUUID() + "@example.test";
		String mobile = "13800000001";
		assertThat(choose("applicant1", matters, """
				{"email":"%s","mobile":"%s","emailEnabled":true,"smsEnabled":true,"locale":"zh-CN"}
				""".formatted(mail, mobile)).statusCode()).isEqualTo(200);
		String buyerMail = "lisi." + UUID.randomUUID() + "@example.test";
		String buyerMobile = "13800000002";
		assertThat(choose("applicant2", matters, """
				{"email":"%s","mobile":"%s","emailEnabled":true,"smsEnabled":true}
				""".formatted(buyerMail, buyerMobile)).statusCode()).isEqualTo(200);

		// a matter the reviewer asks more of
		JsonNode asked = matters.fileFlatTransfer();
		String askedNumber = asked.path("trackingNo").asString();
		JsonNode task = asked.path("tasks").get(0);
		assertThat(
				matters.decide(task, "{\"decision\":\"SUPPLEMENT\",\"missing\":[\"购房合同原件扫描件\",\"完税证明\"]}").statusCode())
			.isEqualTo(200);

		// a matter approved, paid and issued
		JsonNode approved = matters.fileFlatTransfer();
		String approvedNumber = approved.path("trackingNo").asString();
		matters.payThroughTheSimulator(matters.approveAll(approved));

		List<String> expected = List.of(askedNumber + "，承诺于 " + asked.path("committedDue").asString(),
				askedNumber + " 需要补正：购房合同原件扫描件 / 完税证明", approvedNumber + " 已审批通过");
		List<MimeMessage> emails = awaitEmails(mail, (received) -> expected.stream()
			.allMatch((text) -> received.stream().anyMatch((email) -> body(email).contains(text))));
		for (String text : expected) {
			assertThat(emails).filteredOn((email) -> body(email).contains(text)).as(text).hasSize(1);
			awaitTexts(mobile, (texts) -> texts.stream().anyMatch((sent) -> sent.text().contains(text)));
			assertThat(this.sms.sentTo(mobile)).filteredOn((sent) -> sent.text().contains(text)).as(text).hasSize(1);
		}
		// the real-estate certificate is the buyer's: they are told it is issued
		String issued = "已签发（办件编号 " + approvedNumber + "）";
		assertThat(awaitEmails(buyerMail,
				(received) -> received.stream().anyMatch((email) -> body(email).contains(issued))))
			.filteredOn((email) -> body(email).contains(issued))
			.hasSize(1);
		awaitTexts(buyerMobile, (texts) -> texts.stream().anyMatch((sent) -> sent.text().contains(issued)));
		assertThat(emails).allSatisfy((email) -> {
			assertThat(email.getSubject()).isEqualTo("示范市政务服务网：您有一条新的办事通知");
			assertThat(email.getMessageID()).matches("<[0-9a-f-]{36}@onevisit>");
			assertThat(body(email)).contains("https://onevisit.example/");
		});
		// every e-mail a delivery of its own, and none twice
		assertThat(emails).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
		List<Outgoing> sent = this.deliveries.to(person(APPLICANT1));
		assertThat(sent).filteredOn((delivery) -> delivery.address().equals(mail))
			.allSatisfy((delivery) -> assertThat(delivery.state()).isEqualTo(OutgoingDeliveries.State.SENT))
			.hasSize(emails.size());
		// the simulated operator's signed receipts reached the texts' deliveries
		assertThat(sent).filteredOn((delivery) -> delivery.channel() == OutgoingDeliveries.Channel.SMS)
			.isNotEmpty()
			.allSatisfy((delivery) -> assertThat(delivery.receipt()).isEqualTo("DELIVERED"));
		assertThat(this.sms.recordedFor(mobile)).isEqualTo(this.sms.sentTo(mobile).size());
	}

	@Test
	void tellsTheApplicantWhyTheMatterWasRejected() throws Exception {
		OneVisitHttp http = this.server.http();
		Matters matters = this.server.matters(http);
		String mail = "zhangsan." + UUID.randomUUID() + "@example.test";
		assertThat(choose("applicant1", matters, """
				{"email":"%s","emailEnabled":true}
				""".formatted(mail)).statusCode()).isEqualTo(200);
		JsonNode filed = matters.fileFlatTransfer();
		JsonNode task = filed.path("tasks").get(0);
		assertThat(matters.decide(task, "{\"decision\":\"REJECT\",\"reason\":\"房屋已被司法查封，不得转移登记\"}").statusCode())
			.isEqualTo(200);

		String text = filed.path("trackingNo").asString() + " 未予批准。理由：房屋已被司法查封，不得转移登记";
		assertThat(awaitEmails(mail, (received) -> received.stream().anyMatch((email) -> body(email).contains(text))))
			.filteredOn((email) -> body(email).contains(text))
			.hasSize(1);
	}

	@Test
	void retriesWhileTheMailServerIsDownThenShowsTheFailureAndSendsOnceOnRetry() throws Exception {
		OneVisitHttp http = this.server.http();
		Matters matters = new Matters(http);
		String mail = "lisi." + UUID.randomUUID() + "@example.test";
		assertThat(choose("applicant2", matters, """
				{"email":"%s","emailEnabled":true,"smsEnabled":false,"locale":"zh-CN"}
				""".formatted(mail)).statusCode()).isEqualTo(200);
		SMTP.stop();
		UUID delivery;
		try {
			revokeALicenceOf(APPLICANT2, "登记事项有误");
			delivery = awaitDelivery(APPLICANT2, mail,
					(outgoing) -> outgoing.state() == OutgoingDeliveries.State.FAILED)
				.id();
			assertThat(this.deliveries.find(delivery)).hasValueSatisfying((failed) -> {
				assertThat(failed.attempts()).isEqualTo(3);
				assertThat(failed.lastError()).isNotBlank();
			});
			// administrators see it with its reason
			JsonNode failed = OneVisitHttp
				.json(http.get("/api/v1/admin/notifications/failed", "Authorization", matters.bearer("admin1")));
			assertThat(failed.findValuesAsString("id")).contains(delivery.toString());
			OneVisitHttp admin = this.server.signedIn("admin1");
			assertThat(admin.get("/").body()).as("the navigation leads there")
				.contains("href=\"/admin/notifications\"");
			assertThat(admin.get("/admin/notifications").body()).contains(delivery.toString())
				.contains("发送失败")
				.contains(mail)
				// why, in a sentence; the technical reason folded away for whoever fixes
				// it
				.contains("无法连接邮件服务器或短信网关")
				.contains("技术详情");
		}
		finally {
			SMTP.start();
		}

		HttpResponse<String> retried = http.postJson("/api/v1/admin/notifications/" + delivery + "/retry", "{}",
				"Authorization", matters.bearer("admin1"));
		assertThat(retried.statusCode()).isEqualTo(200);
		List<MimeMessage> emails = awaitEmails(mail, (received) -> !received.isEmpty());
		awaitDelivery(APPLICANT2, mail, (outgoing) -> outgoing.state() == OutgoingDeliveries.State.SENT);
		Thread.sleep(1000);
		assertThat(received(mail)).hasSize(1)
			.singleElement()
			.satisfies((email) -> assertThat(email.getMessageID()).isEqualTo("<" + delivery + "@onevisit>"));
		assertThat(body(emails.get(0))).contains("登记事项有误");
		// a delivery that is not failed is not sent again
		assertThat(http
			.postJson("/api/v1/admin/notifications/" + delivery + "/retry", "{}", "Authorization",
					matters.bearer("admin1"))
			.statusCode()).isEqualTo(404);
	}

	@Test
	void sendsOnlyThroughTheChosenChannelsAndInTheChosenLanguage() throws Exception {
		OneVisitHttp http = this.server.http();
		Matters matters = new Matters(http);
		String mail = "wangfang." + UUID.randomUUID() + "@example.test";
		String mobile = "13900000003";
		assertThat(choose("applicant3", matters, """
				{"email":"%s","mobile":"%s","emailEnabled":true,"smsEnabled":false,"locale":"en"}
				""".formatted(mail, mobile)).statusCode()).isEqualTo(200);
		JsonNode chosen = OneVisitHttp
			.json(http.get("/api/v1/my/notification-preferences", "Authorization", matters.bearer("applicant3")));
		assertThat(chosen.path("inApp").asBoolean()).isTrue();
		assertThat(chosen.path("smsEnabled").asBoolean()).isFalse();
		assertThat(chosen.path("locale").asString()).isEqualTo("en");

		revokeALicenceOf(APPLICANT3, "wrong entry");
		List<MimeMessage> emails = awaitEmails(mail, (received) -> !received.isEmpty());
		assertThat(emails).singleElement().satisfies((email) -> {
			assertThat(email.getSubject()).startsWith("Demonstration City Government Services");
			assertThat(body(email)).contains("The issuing department revoked your electronic licence")
				.contains("wrong entry")
				// the licence's name is data, in Chinese; nothing of the Chinese template
				.doesNotContain("您的")
				.doesNotContain("查看详情");
		});
		assertThat(this.sms.sentTo(mobile)).isEmpty();
		assertThat(this.deliveries.to(person(APPLICANT3)))
			.noneMatch((delivery) -> delivery.channel() == OutgoingDeliveries.Channel.SMS);
	}

	@Test
	void warnsTheDepartmentsReviewerAndTheSupervisorsByEmail() throws Exception {
		Matters matters = new Matters(this.server.http());
		String reviewerMail = "reviewer." + UUID.randomUUID() + "@example.test";
		String supervisorMail = "supervisor." + UUID.randomUUID() + "@example.test";
		String otherMail = "other." + UUID.randomUUID() + "@example.test";
		String json = "{\"email\":\"%s\",\"emailEnabled\":true}";
		assertThat(choose("reviewer-nr", matters, json.formatted(reviewerMail)).statusCode()).isEqualTo(200);
		assertThat(choose("supervisor1", matters, json.formatted(supervisorMail)).statusCode()).isEqualTo(200);
		assertThat(choose("reviewer-tax", matters, json.formatted(otherMail)).statusCode()).isEqualTo(200);

		this.warnings.send(new Warning(UUID.randomUUID(), UUID.randomUUID(), "339900-20261206-009999", "nr",
				"real-estate-transfer", Warning.Level.RED, LocalDate.parse("2026-12-04"), LocalDate.parse("2026-12-20"),
				Instant.now()));

		String text = "办件 339900-20261206-009999 已超过承诺办结日期 2026-12-04";
		assertThat(awaitEmails(reviewerMail, (received) -> !received.isEmpty())).singleElement()
			.satisfies((email) -> assertThat(body(email)).contains(text));
		assertThat(awaitEmails(supervisorMail, (received) -> !received.isEmpty())).singleElement()
			.satisfies((email) -> assertThat(body(email)).contains(text));
		assertThat(received(otherMail)).isEmpty();
	}

	@Test
	void choosesChannelsOnTheMySpacePage() throws Exception {
		OneVisitHttp page = this.server.signedIn("applicant1");
		assertThat(page.get("/my").body()).contains("/my/notifications");
		String form = page.get("/my/notifications").body();
		assertThat(form).contains("name=\"emailEnabled\"").contains("name=\"smsEnabled\"");
		HttpResponse<String> refused = page.postForm("/my/notifications",
				"_csrf=" + OneVisitHttp.csrfTokenOf(form) + "&smsEnabled=true&mobile=12345");
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(page.get("/my/notifications").body()).contains("通知方式有误");

		String chosen = page.get("/my/notifications").body();
		HttpResponse<String> saved = page.postForm("/my/notifications", "_csrf=" + OneVisitHttp.csrfTokenOf(chosen)
				+ "&emailEnabled=true&email=zhangsan%40example.test&mobile=13800000001&locale=en");
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(page.get("/my/notifications").body()).contains("通知方式已保存").contains("zhangsan@example.test");
		JsonNode preferences = OneVisitHttp.json(page.get("/api/v1/my/notification-preferences", "Authorization",
				new Matters(page).bearer("applicant1")));
		assertThat(preferences.path("emailEnabled").asBoolean()).isTrue();
		assertThat(preferences.path("smsEnabled").asBoolean()).isFalse();
		assertThat(preferences.path("locale").asString()).isEqualTo("en");
	}

	@Test
	void believesOnlyReceiptsSignedByTheGateway() throws Exception {
		// the operator has no account here: its signature is what it is believed by
		OneVisitHttp http = this.server.http();
		SmsReceipts.SignedReceipt signed = this.sms.receipt("X1", UUID.randomUUID().toString(), "DELIVERED");
		String body = new String(signed.body(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(http
			.post("/api/v1/sms/receipts", "application/json", body, "X-Sms-Key-Id", signed.keyId(), "X-Sms-Signature",
					signed.signature())
			.statusCode()).isEqualTo(200);
		HttpResponse<String> forged = http.post("/api/v1/sms/receipts", "application/json",
				body.replace("DELIVERED", "FAILED"), "X-Sms-Key-Id", signed.keyId(), "X-Sms-Signature",
				signed.signature());
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(OneVisitHttp.json(forged).path("code").asString()).isEqualTo("sms_receipt_forged");
		HttpResponse<String> huge = http.post("/api/v1/sms/receipts", "application/json",
				"{\"pad\":\"" + "x".repeat(1_000_000) + "\"}", "X-Sms-Key-Id", signed.keyId(), "X-Sms-Signature",
				signed.signature());
		assertThat(huge.statusCode()).isEqualTo(400);
		assertThat(OneVisitHttp.json(huge).path("code").asString()).isEqualTo("sms_receipt_too_large");
	}

	@Test
	void refusesAChannelSwitchedOnWithoutAnAddress() throws Exception {
		Matters matters = new Matters(this.server.http());
		HttpResponse<String> refused = choose("applicant2", matters,
				"{\"email\":\"not-an-address\",\"emailEnabled\":true,\"smsEnabled\":true}");
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode problem = OneVisitHttp.json(refused);
		assertThat(problem.path("code").asString()).isEqualTo("notification_preferences_invalid");
		assertThat(problem.toString()).contains("\"email\"").contains("\"mobile\"");
	}

	private HttpResponse<String> choose(String username, Matters matters, String json) {
		return this.server.http()
			.putJson("/api/v1/my/notification-preferences", json, "Authorization", matters.bearer(username));
	}

	/** A licence of the person revoked, as the licences module announces it. */
	private void revokeALicenceOf(String residentId, String reason) {
		Subject holder = Subject.person(ResidentId.of(residentId));
		this.transactions.executeWithoutResult((status) -> this.events
			.publishEvent(new LicenceRevoked(UUID.randomUUID(), "营业执照", holder, reason, Instant.now())));
	}

	private static Subject person(String residentId) {
		return Subject.person(ResidentId.of(residentId));
	}

	private Outgoing awaitDelivery(String recipient, String address, Predicate<Outgoing> condition)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			for (Outgoing delivery : this.deliveries.to(person(recipient))) {
				if (delivery.address().equals(address) && condition.test(delivery)) {
					return delivery;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError(
				"no delivery to " + address + " as expected: " + this.deliveries.to(person(recipient)));
	}

	private List<MimeMessage> awaitEmails(String address, Predicate<List<MimeMessage>> condition)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		List<MimeMessage> received = received(address);
		while (!condition.test(received) && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
			received = received(address);
		}
		assertThat(condition).as("e-mails to %s: %s", address, received.stream().map(TestSmtp::body).toList())
			.accepts(received);
		return received;
	}

	private void awaitTexts(String mobile, Predicate<List<SimulatedSmsGateway.Sms>> condition)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!condition.test(this.sms.sentTo(mobile)) && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
		assertThat(condition).as("texts to %s: %s", mobile, this.sms.sentTo(mobile)).accepts(this.sms.sentTo(mobile));
	}

	private static List<MimeMessage> received(String address) {
		return SMTP.receivedBy(address);
	}

	private static String body(MimeMessage email) {
		return TestSmtp.body(email);
	}

}
