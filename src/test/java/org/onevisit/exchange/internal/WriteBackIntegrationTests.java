package org.onevisit.exchange.internal;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.applications.ApplicationId;
import org.onevisit.catalog.RegistryChange;
import org.onevisit.exchange.RegistryUpdate;
import org.onevisit.privacy.PersonalData;
import org.onevisit.registries.RegistryControl;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.CreditCode;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onevisit.Eventually.eventually;

/**
 * The write-back (回写) of approved matters to the demo registries: signed updates through
 * the outbox, applied once, on the access ledger, shown in the case file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onevisit.events.retry-interval=PT1S", "onevisit.events.retry-after=PT1S",
				"onevisit.exchange.breaker.open-for=PT1S" })
class WriteBackIntegrationTests {

	/**
	 * How long a write-back is waited for: a minute, longer than the usual 30 seconds.
	 */
	static final Duration IN_TIME = Duration.ofSeconds(60);

	@Autowired
	OneVisitServer server;

	@Autowired
	PersonalData personalData;

	@Autowired
	RegistryClient client;

	@Autowired
	WriteBack writeBack;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	/**
	 * Files a new flat's transfer, has its parties confirm and waits for its materials.
	 */
	JsonNode confirmedTransfer(Matters matters) throws InterruptedException {
		JsonNode filed = matters.fileFlatTransfer();
		String id = filed.path("id").asString();
		OneVisitHttp http = this.server.http();
		String clerk = matters.bearer("clerk1");
		JsonNode application = filed;
		for (int wait = 0; wait < 150
				&& (wait == 0 || application.path("materials").toString().contains("PENDING_FETCH")); wait++) {
			Thread.sleep(100);
			application = OneVisitHttp.json(http.get("/api/v1/applications/" + id, "Authorization", clerk));
		}
		return application;
	}

	@Test
	void theRegistryShowsTheBuyerAsOwnerAfterApprovalTheOldCertificateCancelledAndASecondSaleIsRefused()
			throws Exception {
		OneVisitHttp http = this.server.http();
		Matters matters = this.server.matters(http);
		RegistryControl.Flat flat = matters.mintFlat();
		JsonNode filed = matters.confirmAsParties(matters.file(flat));
		String id = filed.path("id").asString();
		String tracking = filed.path("trackingNo").asString();

		// approved by every department and paid: only then is the registry written
		matters.payThroughTheSimulator(matters.approveAll(filed));

		Map<String, String> results = eventually(
				() -> this.writeBack.resultsOf(new ApplicationId(UUID.fromString(id)), "339900-NR-001"),
				(found) -> !found.isEmpty(), IN_TIME);
		String certificate = results.get("certificateNo");
		assertThat(certificate).matches("浙\\(" + LocalDate.now(this.clock).getYear() + "\\)示范市不动产权第\\d{7}号")
			.isNotEqualTo(flat.certificateNo());
		assertThat(results).containsEntry("cancelledCertificate", flat.certificateNo())
			.containsEntry("owners", "李四（100%）")
			.containsEntry("coOwnership", "单独所有")
			.containsEntry("rightType", "国有建设用地使用权/房屋所有权")
			.containsEntry("usage", "住宅")
			.containsEntry("area", "89.5")
			.containsEntry("location", flat.address())
			.containsEntry("unitNo", flat.unitNo())
			.containsEntry("termUntil", "2089-04-15")
			.containsOnlyKeys(RegistryChange.PROPERTY_TRANSFER.results());
		assertThat(flat.unitNo()).hasSize(28).startsWith("339902");
		assertThat(this.server.registries()
			.subjectsMatching("realestate.ownership", (record) -> certificate.equals(record.get("certificateNo"))))
			.containsExactly(Matters.BUYER);
		assertThat(this.server.registries()
			.subjectsMatching("realestate.ownership",
					(record) -> flat.certificateNo().equals(record.get("certificateNo"))))
			.isEmpty();
		assertThat(this.server.registries().certificate(flat.certificateNo()))
			.contains(new RegistryControl.Certificate(flat.certificateNo(), "已注销", certificate));
		// the ledger names the registration the change was written for
		assertThat(this.jdbc
			.sql("select subject from exchange_ledger where reference = :id and outcome = 'WRITTEN'"
					+ " and registry = 'realestate' and purpose like :purpose order by subject")
			.param("id", id)
			.param("purpose", "%exchange.purpose.writeBack%" + tracking + "%")
			.query(String.class)
			.list()).as("each person by the blind index of their resident ID")
			.containsExactlyInAnyOrder(this.personalData.blindIndex(ResidentId.of(Matters.SELLER)),
					this.personalData.blindIndex(ResidentId.of(Matters.BUYER)));
		OneVisitHttp seller = this.server.signedIn("applicant1");
		assertThat(seller.get("/my/applications/" + id).body()).contains("已回写");

		// selling it again: the seller is no longer its owner
		HttpResponse<String> again = http.postJson("/api/v1/applications", Matters.flatTransfer(flat), "Authorization",
				matters.bearer("applicant1"), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(again.statusCode()).as(again.body()).isEqualTo(422);
		assertThat(again.body()).contains("eligibility_failed", "sellerIsRegisteredOwner");
	}

	@Test
	void aStoppedRegistryIsRetriedByTheOutboxAndWrittenWhenItComesBackWhileTheCaseFileShowsItWaiting()
			throws Exception {
		OneVisitHttp http = this.server.http();
		Matters matters = this.server.matters(http);
		JsonNode filed = confirmedTransfer(matters);
		String id = filed.path("id").asString();
		ApplicationId application = new ApplicationId(UUID.fromString(id));
		String nrTask = Matters.taskId(filed, "nr");
		// the tax office reads the register to assess the taxes: the registry stops after
		// the approvals, before the payment that lets the write-back go
		matters.approveAll(filed);
		this.server.registries().stop("realestate");
		try {
			matters.payThroughTheSimulator(filed);

			eventually(() -> this.writeBack.of(application),
					(states) -> states.get("339900-NR-001") == org.onevisit.applications.WriteBacks.State.PENDING,
					IN_TIME);
			Thread.sleep(2_000);
			assertThat(this.writeBack.of(application)).containsEntry("339900-NR-001",
					org.onevisit.applications.WriteBacks.State.PENDING);
			OneVisitHttp reviewer = this.server.signedIn("reviewer-nr");
			assertThat(reviewer.get("/review/tasks/" + nrTask).body()).contains("待回写");
		}
		finally {
			this.server.registries().start("realestate");
		}

		eventually(() -> this.writeBack.resultsOf(application, "339900-NR-001"), (found) -> !found.isEmpty(), IN_TIME);
		OneVisitHttp reviewer = this.server.signedIn("reviewer-nr");
		assertThat(reviewer.get("/review/tasks/" + nrTask).body()).contains("已回写").doesNotContain("待回写");
		assertThat(this.jdbc
			.sql("select count(*) from exchange_ledger where reference = :id and registry = 'realestate'"
					+ " and outcome <> 'WRITTEN' and purpose like '%exchange.purpose.writeBack%'")
			.param("id", id)
			.query(Long.class)
			.single()).as("failed attempts on the ledger too").isPositive();
	}

	@Test
	void aReplayedUpdateIsAppliedOnceAndAnswersTheFirstResultWhileAReplayedEnvelopeIsRefused() {
		RegistryUpdate update = update(RegistryChange.MARRIAGE_REGISTRATION, "339900-CIVIL-001", "civil",
				Map.of("partyAId", "339902199211080037", "partyBId", "339903198804160026"));

		Map<String, Object> first = answered(this.client.sendUpdate("marriage", update));
		RegistryUpdate resent = new RegistryUpdate(UUID.randomUUID().toString(), update.timestamp(), update.updateId(),
				update.actor(), update.reference(), update.purpose(), update.consumer(), update.item(), update.change(),
				update.fields());
		Map<String, Object> second = answered(this.client.sendUpdate("marriage", resent));

		assertThat(second).isEqualTo(first);
		assertThat((String) first.get("registrationNo")).matches("J339900-\\d{4}-\\d{6}");
		assertThat(first).containsEntry("office", "示范市民政局婚姻登记处");
		assertThat(this.server.registries().subjectsWhere("marriage.status", "spouseId", "339902199211080037"))
			.containsExactly("339903198804160026");
		assertThat(this.server.registries().subjectsWhere("marriage.status", "spouseId", "339903198804160026"))
			.containsExactly("339902199211080037");
		// the same envelope again is a replay, refused by the gate before anything else
		assertThatThrownBy(() -> this.client.sendUpdate("marriage", resent)).isInstanceOfSatisfying(
				ExchangeFailure.class,
				(failure) -> assertThat(failure.outcome()).isEqualTo("REFUSED:exchange_replayed"));
		// a different update for the now married couple is refused, not applied
		assertThatThrownBy(() -> this.client.sendUpdate("marriage",
				update(RegistryChange.MARRIAGE_REGISTRATION, "339900-CIVIL-001", "civil", update.fields())))
			.isInstanceOfSatisfying(ExchangeFailure.class,
					(failure) -> assertThat(failure.outcome()).isEqualTo("REFUSED:update_refused"));
	}

	@Test
	void registersANewEnterpriseWithAValidCreditCodeThatTheRegistryLists() {
		Map<String, Object> results = answered(this.client.sendUpdate("enterprise",
				update(RegistryChange.ENTERPRISE_REGISTRATION, "339900-SAMR-001", "samr",
						Map.of("companyName", "示范市回写测试科技有限公司", "legalRepresentativeId", "339902198503120016",
								"legalRepresentativeName", "张三", "registeredCapital", "100", "address", "示范市东湖区解放路1号",
								"businessScope", "软件开发"))));

		String code = (String) results.get("creditCode");
		assertThat(CreditCode.isValid(code)).as(code).isTrue();
		assertThat(code).startsWith("91339900");
		assertThat(results).containsEntry("businessTerm", "长期")
			.containsEntry("establishedOn", LocalDate.now(this.clock).toString())
			.containsKey("enterpriseType");
		assertListedInTheRegistry(code, "示范市回写测试科技有限公司", "339902198503120016");
	}

	@Test
	void registersAnIndividualBusinessUnderItsShopNameAndOperatorWithACodeOfItsKind() {
		// the restaurant bundle's business licence: a shop and its operator, no company
		// name, no legal representative, no registered capital
		Map<String, Object> results = answered(this.client.sendUpdate("enterprise",
				update(RegistryChange.INDIVIDUAL_BUSINESS_REGISTRATION, "339900-SAMR-002", "samr",
						Map.of("operatorId", "339902198503120016", "operatorName", "张三", "shopName", "回写测试小吃店",
								"address", "示范市东湖区解放路2号", "businessScope", "餐饮服务"))));

		String code = (String) results.get("creditCode");
		assertThat(CreditCode.isValid(code)).as(code).isTrue();
		assertThat(code).startsWith("92339900");
		assertThat(results).containsEntry("enterpriseType", "个体工商户")
			.containsEntry("establishedOn", LocalDate.now(this.clock).toString());
		assertListedInTheRegistry(code, "回写测试小吃店", "339902198503120016");
		// a second shop of the same name is refused, not registered twice
		assertThatThrownBy(() -> this.client.sendUpdate("enterprise",
				update(RegistryChange.INDIVIDUAL_BUSINESS_REGISTRATION, "339900-SAMR-002", "samr",
						Map.of("operatorId", "339903198804160026", "operatorName", "王芳", "shopName", "回写测试小吃店",
								"address", "示范市东湖区解放路3号", "businessScope", "餐饮服务"))))
			.isInstanceOfSatisfying(ExchangeFailure.class,
					(failure) -> assertThat(failure.outcome()).isEqualTo("REFUSED:update_refused"));
	}

	@Test
	void entersANewbornInTheHouseholdOfTheParentWhoDeclaresTheBirth() {
		String father = "339903199301300052";
		String household = this.server.registries()
			.subjectsMatching("population.household", (record) -> true)
			.stream()
			.filter(father::equals)
			.findFirst()
			.orElseThrow();

		Map<String, Object> results = answered(this.client.sendUpdate("population",
				update(RegistryChange.BIRTH_REGISTRATION, "339900-POLICE-001", "police",
						Map.of("childName", "钱小满", "birthDate", LocalDate.now(this.clock).minusDays(3).toString(),
								"guardianId", household, "householdAddress", "示范市西山区西山大道9号7幢203室"))));

		String child = (String) results.get("childId");
		assertThat(child).hasSize(18).startsWith("339903");
		assertThat(this.server.registries().nameOf(child)).contains("钱小满");
		assertThat(this.server.registries()
			.subjectsWhere("population.household", "householdNo", results.get("householdNo"))).contains(father, child);
	}

	/** The registry lists the enterprise under the code it assigned, in business. */
	private void assertListedInTheRegistry(String code, String name, String representativeId) {
		assertThat(this.server.registries().enterprises())
			.filteredOn((enterprise) -> enterprise.creditCode().equals(code))
			.singleElement()
			.satisfies((enterprise) -> {
				assertThat(enterprise.name()).isEqualTo(name);
				assertThat(enterprise.representativeId()).isEqualTo(representativeId);
				assertThat(enterprise.active()).isTrue();
			});
	}

	private RegistryUpdate update(RegistryChange change, String item, String department, Map<String, String> fields) {
		return new RegistryUpdate(UUID.randomUUID().toString(), java.time.Instant.now().toString(),
				UUID.randomUUID().toString(), "system", "test", "exchange.purpose.writeBack", department, item, change,
				fields);
	}

	private static Map<String, Object> answered(RegistryClient.Exchanged exchanged) {
		return exchanged.answer().results().get(0).records().get(0);
	}

}
