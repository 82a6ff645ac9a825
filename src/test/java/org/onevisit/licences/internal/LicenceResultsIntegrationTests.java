package org.onevisit.licences.internal;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.registries.RegistryControl;
import org.onevisit.Matters;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.applications.Channel;
import org.onevisit.applications.MattersInProcess;
import org.onevisit.applications.Uploads;
import org.onevisit.catalog.RegistryChange;
import org.onevisit.identity.Actor;
import org.onevisit.licences.Licence;
import org.onevisit.licences.LicenceWallet;
import org.onevisit.licences.RegistryAnswers;
import org.onevisit.licences.Verification;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onevisit.licences.internal.LicencesIntegrationTests.eventually;

/**
 * Licences with legal effect: issued from what the registries answered, to the holders
 * the law names, with their legal numbers, replacing the licences they supersede.
 */
@SpringBootTest
class LicenceResultsIntegrationTests {

	static final String ZHANG_SAN = "339902198503120016";

	/**
	 * 刘洋 and 陈静, who may marry (the demo registry's unmarried man and divorced woman).
	 */
	static final String LIU_YANG = "339902199211080037";

	static final String CHEN_JING = "339903198804160026";

	static final String DEMO_BUSINESS = "91339900MA2H5T7K0B";

	@Autowired
	RegistryControl registries;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	LicenceWallet wallet;

	@Autowired
	Uploads uploads;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	RegistryAnswers registry() {
		return new RegistryAnswers(this.events, this.transactions);
	}

	Application approveAll(Application filed) {
		return MattersInProcess.approveEveryStep(this.applications, filed);
	}

	Application confirmedOnline(Application filed) {
		return MattersInProcess.confirmedOnline(this.applications, filed);
	}

	String scan(String owner, String name) {
		return this.uploads.store(owner, name, new ByteArrayInputStream(Matters.aPdf())).id().toString();
	}

	List<Licence> issuedFor(Application application, int count) throws InterruptedException {
		return eventually(() -> this.wallet.issuedFor(application.trackingNumber()), (list) -> list.size() >= count);
	}

	Application flatTransfer() {
		// a flat of its own: a second matter on one flat is refused while the first is
		// open
		Map<String, Object> form = MattersInProcess.flatTransferForm(Matters.mintFlat(this.registries),
				LicencesIntegrationTests.aFreshResidentId());
		return approveAll(confirmedOnline(this.applications.submit(
				new Submission(null, "flat-transfer", Subject.person(ResidentId.of(ZHANG_SAN)), Channel.ONLINE, form),
				Actor.applicant("applicant1"), null)));
	}

	@Test
	void theBuyersCertificateSupersedesTheCertificateTheRegistryCancelledAndVerifyingTheOldOneNamesTheNew()
			throws Exception {
		Application first = flatTransfer();
		String firstNumber = RegistryAnswers.newCertificateNo();
		this.registry()
			.wrote(first.id(), first.trackingNumber(), "339900-NR-001", RegistryChange.PROPERTY_TRANSFER,
					RegistryAnswers.transfer(firstNumber, "浙(2020)示范市不动产权第0012345号"));
		Licence old = issuedFor(first, 1).get(0);
		assertThat(old.number()).isEqualTo(firstNumber);
		assertThat(this.wallet.verify(old.document()).valid()).isTrue();
		// the flat, bought through the platform, is sold on: the registry cancels its
		// certificate
		Application second = flatTransfer();
		String secondNumber = RegistryAnswers.newCertificateNo();

		this.registry()
			.wrote(second.id(), second.trackingNumber(), "339900-NR-001", RegistryChange.PROPERTY_TRANSFER,
					RegistryAnswers.transfer(secondNumber, firstNumber));
		Licence successor = issuedFor(second, 1).get(0);

		Verification verified = this.wallet.verify(old.document());
		assertThat(verified.valid()).isFalse();
		assertThat(verified.failure()).isEqualTo(Verification.Failure.SUPERSEDED);
		assertThat(verified.revocationReason()).isEqualTo("已换发");
		assertThat(verified.licence().revocation().successor()).isEqualTo(successor.id());
		assertThat(verified.licence().revocation().successorNumber()).isEqualTo(secondNumber);
		assertThat(this.wallet.verify(successor.document()).valid()).isTrue();
		assertThat(successor.fields()).containsEntry("previousCertificate", firstNumber);
	}

	@Test
	void theRegistrysAnswerArrivingTwiceIssuesTheCertificateOnce() throws Exception {
		Application approved = flatTransfer();
		Map<String, String> answer = RegistryAnswers.transfer(RegistryAnswers.newCertificateNo(),
				"浙(2020)示范市不动产权第0012345号");

		this.registry()
			.wrote(approved.id(), approved.trackingNumber(), "339900-NR-001", RegistryChange.PROPERTY_TRANSFER, answer);
		issuedFor(approved, 1);
		this.registry()
			.wrote(approved.id(), approved.trackingNumber(), "339900-NR-001", RegistryChange.PROPERTY_TRANSFER, answer);
		Thread.sleep(500);

		assertThat(this.wallet.issuedFor(approved.trackingNumber())).hasSize(1);
	}

	@Test
	void theApprovalAloneIssuesNoCertificateForAnItemThatWritesBack() throws Exception {
		Application approved = flatTransfer();

		Thread.sleep(1000);

		assertThat(this.wallet.issuedFor(approved.trackingNumber())).isEmpty();
	}

	Application companyRegistration(String name) {
		Map<String, Object> form = new HashMap<>();
		form.put("companyName", name);
		form.put("legalRepresentativeId", ZHANG_SAN);
		form.put("legalRepresentativeName", "张三");
		form.put("registeredCapital", 100);
		form.put("address", "示范市东湖区创业路8号");
		form.put("businessScope", "餐饮服务；食品销售");
		return approveAll(
				confirmedOnline(this.applications.submit(
						new Submission("339900-SAMR-001", null, Subject.person(ResidentId.of(ZHANG_SAN)),
								Channel.ONLINE, form, Map.of("articles", scan("applicant1", "章程.pdf"),
										"officer-appointment", scan("applicant1", "任职文件.pdf"))),
						Actor.applicant("applicant1"), null)));
	}

	@Test
	void theBusinessLicenceIsHeldByTheNewCreditCodeAndPrintsTheCapitalInTenThousandYuan() throws Exception {
		String code = CreditCode.completing("91339900MA" + String.format("%06d", System.nanoTime() % 1_000_000))
			.value();
		Application approved = companyRegistration("示范市" + UUID.randomUUID().toString().substring(0, 6) + "餐饮有限公司");

		this.registry()
			.wrote(approved.id(), approved.trackingNumber(), "339900-SAMR-001", RegistryChange.ENTERPRISE_REGISTRATION,
					RegistryAnswers.enterprise(code));
		Licence licence = issuedFor(approved, 1).get(0);

		assertThat(licence.typeName()).isEqualTo("营业执照");
		assertThat(licence.holder()).isEqualTo(Subject.business(CreditCode.of(code)));
		assertThat(licence.number()).isEqualTo(code);
		assertThat(licence.fields()).containsEntry("creditCode", code)
			.containsEntry("capital", "100 万元")
			.containsEntry("representative", "张三")
			.containsEntry("type", "有限责任公司（自然人独资）")
			.containsEntry("establishedOn", "2026-12-06");
		assertThat(licence.fieldLabels()).containsEntry("capital", "注册资本");
		assertThat(licence.document()).contains("\"number\":\"" + code + "\"").doesNotContain(ZHANG_SAN);
	}

	@Test
	void aChangeRegistrationReplacesTheEnterprisesBusinessLicence() throws Exception {
		Application registered = companyRegistration("示范市" + UUID.randomUUID().toString().substring(0, 6) + "餐饮有限公司");
		this.registry()
			.wrote(registered.id(), registered.trackingNumber(), "339900-SAMR-001",
					RegistryChange.ENTERPRISE_REGISTRATION, RegistryAnswers.enterprise(DEMO_BUSINESS));
		Licence previous = issuedFor(registered, 1).get(0);
		Subject business = Subject.business(CreditCode.of(DEMO_BUSINESS));

		Application change = approveAll(this.applications.submit(
				new Submission("339900-SAMR-004", null, business, Channel.ONLINE,
						Map.of("companyCode", DEMO_BUSINESS, "changeKind", "住所", "newValue", "示范市西山区新址路2号"),
						Map.of("resolution", scan("business1", "股东会决议.pdf"))),
				Actor.applicant("business1", business), null));
		Licence changed = issuedFor(change, 1).get(0);

		assertThat(changed.holder()).isEqualTo(business);
		assertThat(changed.number()).isEqualTo(DEMO_BUSINESS);
		Verification old = this.wallet.verify(previous.document());
		assertThat(old.failure()).isEqualTo(Verification.Failure.SUPERSEDED);
		assertThat(old.licence().revocation().successor()).isEqualTo(changed.id());
		assertThat(this.wallet.verify(changed.document()).valid()).isTrue();
	}

	@Test
	void eachSpouseHoldsAMarriageCertificateNamingBothWithTheirIdNumbers() throws Exception {
		Map<String, Object> form = Map.of("partyAId", LIU_YANG, "partyBId", CHEN_JING, "appointmentDate", "2026-12-20");
		Application filed = this.applications
			.submit(new Submission("339900-CIVIL-001", null, Subject.person(ResidentId.of(LIU_YANG)), Channel.HALL,
					form, Map.of("identity-cards", scan("clerk1", "身份证.pdf"), "photos", scan("clerk1", "合影.pdf")))
				.atHall("east"), Actor.clerk("clerk1"), null);
		MattersInProcess.confirmAtTheWindow(this.applications, filed, "east");
		// the demo civil registry registers the marriage when the approval is written
		// back
		// to it, and its answer is what the certificates carry (a simulated answer raced
		// with it here, and lost whenever the write-back came first)
		Application approved = approveAll(this.applications.find(filed.id(), Actor.system()));

		List<Licence> certificates = issuedFor(approved, 2);

		assertThat(certificates).extracting(Licence::holder)
			.containsExactlyInAnyOrder(Subject.person(ResidentId.of(LIU_YANG)),
					Subject.person(ResidentId.of(CHEN_JING)));
		String registrationNo = certificates.get(0).number();
		assertThat(registrationNo).matches("J339900-\\d{4}-\\d{6}");
		assertThat(certificates).allSatisfy((certificate) -> {
			assertThat(certificate.typeName()).isEqualTo("结婚证");
			assertThat(certificate.number()).isEqualTo(registrationNo);
			assertThat(certificate.fields()).containsEntry("registrationNo", registrationNo);
			assertThat(certificate.fields()).containsEntry("partyAId", LIU_YANG)
				.containsEntry("partyBId", CHEN_JING)
				.containsEntry("partyAName", "刘洋")
				.containsEntry("partyBName", "陈静")
				.containsEntry("registeredOn", certificate.issuedOn().toString())
				.containsEntry("office", "示范市民政局婚姻登记处");
			assertThat(this.wallet.verify(certificate.document()).valid()).isTrue();
		});
	}

}
