package org.onevisit.licences.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.TestClock;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.Channel;
import org.onevisit.applications.MaterialRecord;
import org.onevisit.applications.MattersInProcess;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.Directory;
import org.onevisit.identity.Actor;
import org.onevisit.licences.Licence;
import org.onevisit.licences.LicenceRefused;
import org.onevisit.licences.LicenceWallet;
import org.onevisit.payments.PaymentManagement;
import org.onevisit.payments.internal.SimulatedCheckout;
import org.onevisit.licences.Verification;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import org.onevisit.signing.KeyName;
import org.onevisit.signing.Signer;
import org.onevisit.signing.SigningKeys;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Licences issued from approved applications on the demo city's catalogue. */
@SpringBootTest
class LicencesIntegrationTests {

	static final String SELLER_ID = "339902198503120016";

	static final Actor SELLER = Actor.applicant("applicant1");

	static final Actor REGISTRY = Actor.reviewer("reviewer-nr", "nr");

	@Autowired
	org.onevisit.applications.Uploads uploads;

	@Autowired
	org.onevisit.registries.RegistryControl registries;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	LicenceWallet wallet;

	@Autowired
	Licences store;

	@Autowired
	org.onevisit.messages.Inbox inbox;

	@Autowired
	org.onevisit.applications.HeldLicences held;

	@Autowired
	Signer signer;

	@Autowired
	SigningKeys keys;

	@Autowired
	Catalogue catalogue;

	@Autowired
	Directory directory;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JsonMapper json;

	@Autowired
	PaymentManagement payments;

	@Autowired
	SimulatedCheckout checkout;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	org.onevisit.exchange.DataExchange exchange;

	@Autowired
	org.springframework.context.MessageSource messageSource;

	@Autowired
	LicencesLogged logged;

	/**
	 * What the real estate registry answers when it records the transfer (the write-back
	 * publishes it; here the test does, for the approved item).
	 */
	void registryWrote(Application approved, Map<String, String> results) {
		new org.onevisit.licences.RegistryAnswers(this.events, this.transactions).wrote(approved.id(),
				approved.trackingNumber(), "339900-NR-001", org.onevisit.catalog.RegistryChange.PROPERTY_TRANSFER,
				results);
	}

	/**
	 * Files and approves the flat transfer, and the registry records it as this test
	 * says; the buyer is a fresh resident each time. The demo registry is stopped from
	 * the payment until that answer is in: the payment lets its own write-back go, which
	 * on a busy machine answered first, and the certificate then carried its answer.
	 */
	Application approvedFlatTransfer(String buyerId) {
		Application approved = approvedFlatTransferUnpaid(buyerId);
		this.registries.stop("realestate");
		try {
			// nothing is issued before the fees and taxes are paid
			this.payments.of(approved.id(), SELLER).ifPresent((order) -> this.checkout.pay(order.id(), SELLER));
			registryWrote(approved, org.onevisit.licences.RegistryAnswers
				.transfer(org.onevisit.licences.RegistryAnswers.newCertificateNo(), "浙(2020)示范市不动产权第0012345号"));
		}
		finally {
			this.registries.start("realestate");
		}
		return this.applications.find(approved.id(), Actor.system());
	}

	/** Files and approves the flat transfer; its fee is not paid yet. */
	Application approvedFlatTransferUnpaid(String buyerId) {
		// a flat of the seller's own: an approved transfer moves it for good
		Map<String, Object> form = MattersInProcess.flatTransferForm(Matters.mintFlat(this.registries), buyerId);
		Application filed = this.applications.submit(
				new Submission(null, "flat-transfer", Subject.person(ResidentId.of(SELLER_ID)), Channel.ONLINE, form),
				SELLER, null);
		// its buyer confirms the sale first
		return approveAll(MattersInProcess.confirmedOnline(this.applications, filed));
	}

	Application approveAll(Application filed) {
		return MattersInProcess.approveEveryStep(this.applications, filed);
	}

	static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		T value = probe.get();
		while (!done.test(value) && System.nanoTime() < deadline) {
			Thread.sleep(50);
			value = probe.get();
		}
		return value;
	}

	// the fixed seeds of these tests are below 300
	private static final AtomicInteger FRESH = new AtomicInteger(300);

	/**
	 * A buyer no other licence test names: the tests share one database, and a buyer met
	 * twice holds the other test's licence too.
	 */
	static String aFreshResidentId() {
		return newResidentId(FRESH.getAndIncrement());
	}

	static String newResidentId(int seed) {
		// 339903 + birth date + sequence, with the ISO 7064 MOD 11-2 check character
		String body = "33990319900101" + String.format("%03d", seed % 1000) + "";
		body = body.substring(0, 17);
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * weights[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

	@Test
	void issuesTheBuyersPropertyCertificateWhenTheFlatTransferIsApproved() throws Exception {
		String buyer = newResidentId(101);
		Application approved = approvedFlatTransfer(buyer);

		List<Licence> issued = eventually(() -> this.wallet.issuedFor(approved.trackingNumber()),
				(list) -> !list.isEmpty());

		assertThat(issued).singleElement().satisfies((licence) -> {
			assertThat(licence.typeName()).isEqualTo("不动产权证书");
			assertThat(licence.holder()).isEqualTo(Subject.person(ResidentId.of(buyer)));
			assertThat(licence.issuerDepartment()).isEqualTo("nr");
			assertThat(licence.fields()).containsEntry("owners", "李四")
				.containsEntry("ownerId", buyer)
				.containsEntry("area", "89.50 m²")
				.containsEntry("previousCertificate", "浙(2020)示范市不动产权第0012345号");
			assertThat(licence.number()).matches("浙\\(2026\\)示范市不动产权第\\d{7}号")
				.isEqualTo(licence.fields().get("certificateNo"));
			// printed in the order of the licence type, not the document's sorted order
			assertThat(List.copyOf(licence.fields().keySet())).containsExactly("certificateNo", "owners", "ownerId",
					"coOwnership", "location", "unitNo", "rightType", "usage", "area", "termUntil",
					"previousCertificate");
			assertThat(licence.validUntil()).isNull();
			assertThat(licence.document()).startsWith("{\"application\":{").doesNotContain("\n");
		});
		assertThat(this.wallet.heldBy(Subject.person(ResidentId.of(buyer)))).hasSize(1);
		assertThat(this.wallet.verify(issued.get(0).document()).valid()).isTrue();
	}

	@Test
	void issuingTheSameApprovalAgainAddsNothing() throws Exception {
		Application approved = approvedFlatTransfer(newResidentId(102));
		eventually(() -> this.wallet.issuedFor(approved.trackingNumber()), (list) -> !list.isEmpty());
		LicenceService service = new LicenceService(this.store, this.signer, this.keys, this.applications,
				this.catalogue, this.directory, this.events, this.json, java.time.Clock.systemDefaultZone(),
				this.exchange, this.messageSource, this.logged);

		List<Licence> again = this.transactions.execute((status) -> service.issueFor(approvedEvent(approved)));

		assertThat(again).isEmpty();
		assertThat(this.wallet.issuedFor(approved.trackingNumber())).hasSize(1);
	}

	ApplicationApproved approvedEvent(Application approved) {
		return new ApplicationApproved(approved.id(), approved.trackingNumber(), approved.subject(), approved.channel(),
				approved.tasks()
					.stream()
					.map((task) -> new org.onevisit.applications.ApplicationEvents.ApprovedItem(task.id(),
							task.plan().itemCode(), task.plan().itemVersion(), task.plan().departmentCode()))
					.toList(),
				approved.finishedAt());
	}

	@Test
	void aLicenceHeldSatisfiesTheLicenceMaterialOfALaterApplicationWithoutUpload() throws Exception {
		String buyer = newResidentId(103);
		Application approved = approvedFlatTransfer(buyer);
		Licence certificate = eventually(() -> this.wallet.issuedFor(approved.trackingNumber()),
				(list) -> !list.isEmpty())
			.get(0);

		// the buyer now mortgages the flat: the property certificate is the one just
		// issued
		Application mortgage = this.applications.submit(
				new Submission("339900-NR-003", null, Subject.person(ResidentId.of(buyer)), Channel.ONLINE,
						Map.of("mortgagorId", buyer, "certificateNo", "浙(2026)示范市不动产权第0000001号", "bankCode",
								"91350100M000100Y43", "amount", 800000),
						scans("buyer")),
				Actor.applicant("buyer"), null);

		assertThat(mortgage.materials()).filteredOn((material) -> material.code().equals("property-certificate"))
			.singleElement()
			.satisfies((material) -> {
				assertThat(material.state()).isEqualTo(MaterialRecord.State.LICENCE_HELD);
				assertThat(material.reference()).isEqualTo(certificate.id().toString());
			});
	}

	/** The mortgage and loan contracts, uploaded by the applicant as PDF scans. */
	private Map<String, String> scans(String owner) {
		byte[] pdf = Matters.aPdf();
		return Map.of("mortgage-contract",
				this.uploads.store(owner, "抵押合同.pdf", new java.io.ByteArrayInputStream(pdf)).id().toString(),
				"loan-contract",
				this.uploads.store(owner, "借款合同.pdf", new java.io.ByteArrayInputStream(pdf)).id().toString());
	}

	@Test
	void aSomeoneWithoutTheLicenceStillHasTheMaterialPending() {
		String stranger = newResidentId(104);
		Application mortgage = this.applications.submit(
				new Submission("339900-NR-003", null, Subject.person(ResidentId.of(stranger)), Channel.ONLINE,
						Map.of("mortgagorId", stranger, "certificateNo", "浙(2026)示范市不动产权第0000002号", "bankCode",
								"91350100M000100Y43", "amount", 800000),
						scans("stranger")),
				Actor.applicant("stranger"), null);

		assertThat(mortgage.materials()).filteredOn((material) -> material.code().equals("property-certificate"))
			.extracting(MaterialRecord::state)
			.containsExactly(MaterialRecord.State.PENDING_LICENCE);
	}

	@Test
	void reportsATamperedFieldAForeignKeyAndARevokedLicenceEachWithItsReason() throws Exception {
		Application approved = approvedFlatTransfer(newResidentId(105));
		Licence licence = eventually(() -> this.wallet.issuedFor(approved.trackingNumber()), (list) -> !list.isEmpty())
			.get(0);
		String document = licence.document();

		// whoever the register's answer names (the simulated 李四, or the demo registry's
		// own write-back when it answers first), another name in its place
		String tampered = document.replaceFirst("\"owners\":\"[^\"]*\"", "\"owners\":\"王五\"");
		assertThat(tampered).isNotEqualTo(document);
		assertThat(this.wallet.verify(tampered).failure()).isEqualTo(Verification.Failure.SIGNATURE_MISMATCH);

		String unknownKey = document.replace(licence.keyId(), "0123456789abcdef");
		assertThat(this.wallet.verify(unknownKey).failure()).isEqualTo(Verification.Failure.UNKNOWN_KEY);

		assertThat(this.wallet.verify("{\"id\":1}").failure()).isEqualTo(Verification.Failure.MALFORMED);
		assertThat(this.wallet.verify("not json").failure()).isEqualTo(Verification.Failure.MALFORMED);

		assertThatThrownBy(() -> this.wallet.revoke(licence.id(), "登记错误", Actor.reviewer("reviewer-tax", "tax")))
			.isInstanceOf(LicenceRefused.class)
			.hasFieldOrPropertyWithValue("code", "licence_not_found");
		this.wallet.revoke(licence.id(), "登记错误，已更正后重新核发", REGISTRY);

		Verification revoked = this.wallet.verify(document);
		assertThat(revoked.valid()).isFalse();
		assertThat(revoked.failure()).isEqualTo(Verification.Failure.REVOKED);
		assertThat(revoked.revocationReason()).isEqualTo("登记错误，已更正后重新核发");
		assertThat(revoked.revokedAt()).isNotNull();
		assertThatThrownBy(() -> this.wallet.revoke(licence.id(), "again", REGISTRY))
			.hasFieldOrPropertyWithValue("code", "licence_already_revoked");
		assertThat(this.held.standingLicence(licence.holder(), "不动产权证书")).isEmpty();
	}

	@Test
	void aLicenceSignedBeforeARotationStillVerifiesAndTheNextOneNamesTheNewKey() throws Exception {
		Application first = approvedFlatTransfer(newResidentId(109));
		Licence before = eventually(() -> this.wallet.issuedFor(first.trackingNumber()), (list) -> !list.isEmpty())
			.get(0);

		String rotated = this.keys.rotate(KeyName.LICENCES).keyId();

		assertThat(rotated).isNotEqualTo(before.keyId());
		assertThat(this.wallet.verify(before.document()).valid()).isTrue();
		assertThat(this.wallet.publicKeys())
			.extracting(LicenceWallet.PublishedKey::keyId, LicenceWallet.PublishedKey::status)
			.startsWith(org.assertj.core.groups.Tuple.tuple(rotated, "signing"))
			.contains(org.assertj.core.groups.Tuple.tuple(before.keyId(), "verifying"));
		Application second = approvedFlatTransfer(newResidentId(110));
		Licence after = eventually(() -> this.wallet.issuedFor(second.trackingNumber()), (list) -> !list.isEmpty())
			.get(0);
		assertThat(after.keyId()).isEqualTo(rotated);
		assertThat(after.document()).contains("\"keyId\":\"" + rotated + "\"");
		assertThat(this.wallet.verify(after.document()).valid()).isTrue();
	}

	@Test
	void theHolderIsToldWhenTheirLicenceIsIssuedAndWhenItIsRevoked() throws Exception {
		String buyer = newResidentId(108);
		Subject holder = Subject.person(ResidentId.of(buyer));
		Application approved = approvedFlatTransfer(buyer);
		Licence licence = eventually(() -> this.wallet.issuedFor(approved.trackingNumber()), (list) -> !list.isEmpty())
			.get(0);
		// asked first to confirm the sale as its buyer, newest first
		assertThat(eventually(() -> this.inbox.of(holder), (messages) -> messages.size() == 2))
			.extracting(org.onevisit.messages.Message::key)
			.containsExactly("message.licenceIssued", "message.confirmationAwaited");

		this.wallet.revoke(licence.id(), "权利人信息有误", REGISTRY);

		assertThat(eventually(() -> this.inbox.of(holder), (messages) -> messages.size() == 3)).first()
			.satisfies((message) -> {
				assertThat(message.key()).isEqualTo("message.licenceRevoked");
				assertThat(message.arguments()).containsExactly("不动产权证书", "权利人信息有误");
				assertThat(message.link()).isEqualTo("/licences/" + licence.id());
			});
		assertThat(this.inbox.of(Subject.person(ResidentId.of(SELLER_ID))))
			.noneMatch((message) -> message.link().equals("/licences/" + licence.id()));
	}

	@Test
	void aLicencePastItsValidityIsReportedExpired() {
		Application approved = approveAll(this.applications
			.submit(new Submission("339900-POLICE-005", null, Subject.person(ResidentId.of(SELLER_ID)), Channel.ONLINE,
					Map.of("applicantId", SELLER_ID, "purpose", "出国留学")), SELLER, null));
		TestClock clock = TestClock.at(LocalDateTime.now());
		LicenceService now = new LicenceService(this.store, this.signer, this.keys, this.applications, this.catalogue,
				this.directory, this.events, this.json, clock, this.exchange, this.messageSource, this.logged);
		Licence licence;
		List<Licence> issued = this.transactions.execute((status) -> now.issueFor(approvedEvent(approved)));
		licence = issued.isEmpty() ? this.wallet.issuedFor(approved.trackingNumber()).get(0) : issued.get(0);
		assertThat(licence.validUntil()).isNotNull();
		assertThat(now.verify(licence.document()).valid()).isTrue();

		clock.set(LocalDateTime.now().plusMonths(7));

		assertThat(now.verify(licence.document()).failure()).isEqualTo(Verification.Failure.EXPIRED);
	}

	@Test
	void onlyTheHolderTheApplicantAndTheIssuingDepartmentSeeALicence() throws Exception {
		String buyer = newResidentId(106);
		Application approved = approvedFlatTransfer(buyer);
		Licence licence = eventually(() -> this.wallet.issuedFor(approved.trackingNumber()), (list) -> !list.isEmpty())
			.get(0);
		Subject buyerSubject = Subject.person(ResidentId.of(buyer));

		assertThat(this.wallet.find(licence.id(), buyerSubject, Actor.applicant("buyer")).id()).isEqualTo(licence.id());
		assertThat(this.wallet.find(licence.id(), Subject.person(ResidentId.of(SELLER_ID)), SELLER).id())
			.isEqualTo(licence.id());
		assertThat(this.wallet.find(licence.id(), null, REGISTRY).id()).isEqualTo(licence.id());
		assertThatThrownBy(() -> this.wallet.find(licence.id(), Subject.person(ResidentId.of(newResidentId(107))),
				Actor.applicant("someone-else")))
			.hasFieldOrPropertyWithValue("code", "licence_not_found");
		assertThatThrownBy(() -> this.wallet.find(licence.id(), null, Actor.reviewer("reviewer-tax", "tax")))
			.hasFieldOrPropertyWithValue("code", "licence_not_found");
	}

}
