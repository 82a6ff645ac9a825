package org.onevisit.applications.internal;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.TestClock;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.identity.Actor;
import org.onevisit.licences.LicenceWallet;
import org.onevisit.messages.Inbox;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import org.onevisit.shared.WorkingDays;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing with legal effect before it is paid (issue 23, point 4): the fee order opens at
 * filing, the tax office's approval assesses the taxes, a matter every department
 * approved waits as 待缴费 until the order is paid through the provider, and lapses when it
 * stays unpaid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentBeforeResultsIntegrationTests {

	static final Subject SELLER = Subject.person(ResidentId.of("339902198503120016"));

	@Autowired
	OneVisitServer server;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LicenceWallet wallet;

	@Autowired
	Inbox inbox;

	@Autowired
	WorkingDays calendar;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	TransactionTemplate transactions;

	/** A new visitor for each test. */
	@Autowired
	OneVisitHttp http;

	/** Matters filed and decided through this test's visitor. */
	Matters matters() {
		return this.server.matters(this.http);
	}

	@Test
	void opensTheFeeOrderInTheFilingsOwnTransaction() {
		JsonNode filed = matters().fileFlatTransferAwaitingParties();

		// straight from the table: no listener, no first look opened it
		BigDecimal amount = this.jdbc
			.sql("select amount from payments_payment where application_id = cast(:id as uuid) and status = 'UNPAID'")
			.param("id", filed.path("id").asString())
			.query(BigDecimal.class)
			.single();
		assertThat(amount).isEqualByComparingTo("80");
	}

	@Test
	void waitsForPaymentOnceEveryDepartmentApprovedAndIssuesTheCertificateOnlyWhenPaid() {
		JsonNode matter = matters().fileFlatTransfer();
		String id = matter.path("id").asString();
		String seller = matters().bearer("applicant1");
		OneVisitHttp applicant = this.server.signedIn("applicant1");
		assertThat(applicant.postForm("/my/applications/" + id + "/payment", csrf(applicant, id)).statusCode())
			.as("not payable before the taxes are assessed")
			.isNotEqualTo(302);

		String taxTask = Matters.taskId(matter, "tax");
		OneVisitHttp taxOffice = this.server.signedIn("reviewer-tax");
		// the reviewer sees what would be assessed, and on what
		assertThat(taxOffice.get("/pay/tasks/" + taxTask + "/assessment").body()).contains("税款核定", "契税（承受方）",
				"89.5 平方米", "承受方家庭已有住房", "2024年第16号");

		JsonNode facts = OneVisitHttp.json(this.http.get("/api/v1/tasks/" + taxTask + "/assessment", "Authorization",
				matters().bearer("reviewer-tax")));
		assertThat(facts.path("facts").path("area").decimalValue()).isEqualByComparingTo("89.5");
		// 李四 owns what earlier tests of this context sold him: none or one home is taxed
		// at
		// 1 % up to 140 m², a third home or more at 3 %
		int buyersHomes = facts.path("facts").path("buyerFamilyHomes").asInt();

		JsonNode approved = matters().approveAll(matter);

		assertThat(approved.path("status").asString()).isEqualTo("AWAITING_PAYMENT");
		JsonNode order = OneVisitHttp
			.json(this.http.get("/api/v1/applications/" + id + "/payment", "Authorization", seller));
		assertThat(order.path("status").asString()).isEqualTo("UNPAID");
		assertThat(order.path("lines")).extracting((line) -> line.path("name").asString())
			.contains("不动产登记费（住宅）", "契税（承受方）", "增值税（转让方）", "个人所得税（转让方）");
		assertThat(order.path("lines")).allSatisfy((line) -> assertThat(line.path("basis").asString()).isNotBlank());
		JsonNode deedTax = lineNamed(order, "契税（承受方）");
		assertThat(deedTax.path("amount").decimalValue())
			.isEqualByComparingTo((buyersHomes <= 1) ? "12500.00" : "37500.00");
		assertThat(deedTax.path("basis").asString()).contains((buyersHomes <= 1) ? "2024年第16号" : "契税法");
		assertThat(this.inbox.of(SELLER)).filteredOn((message) -> message.key().equals("message.paymentAwaited"))
			.anySatisfy((message) -> {
				assertThat(message.arguments().get(0)).isEqualTo(approved.path("trackingNo").asString());
				assertThat(new BigDecimal(message.arguments().get(1)))
					.isEqualByComparingTo(order.path("amount").decimalValue());
				assertThat(message.arguments().get(2)).contains("契税（承受方）");
			});
		assertThat(applicant.get("/pay/applications/" + id).body()).contains("待缴费", "契税（承受方）", "2024年第16号", "在线缴费");
		String tracking = approved.path("trackingNo").asString();
		assertThat(this.wallet.issuedFor(tracking)).as("no certificate while unpaid").isEmpty();

		HttpResponse<String> pay = applicant.postForm("/my/applications/" + id + "/payment", csrf(applicant, id));
		String cashier = pay.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", "");
		applicant.postForm(cashier, "_csrf=" + OneVisitHttp.csrfTokenOf(applicant.get(cashier).body()));

		assertThat(statusOf(id)).isEqualTo(ApplicationStatus.APPROVED);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.wallet.issuedFor(tracking)).isNotEmpty());
	}

	@Test
	void lapsesAMatterLeftUnpaidForFifteenWorkingDaysAndTellsThePayer() {
		JsonNode matter = matters().approveAll(matters().fileFlatTransfer());
		String late = matter.path("id").asString();
		assertThat(matter.path("status").asString()).isEqualTo("AWAITING_PAYMENT");
		LocalDate approvedOn = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		TestClock clock = TestClock.at(this.calendar.addWorkingDays(approvedOn, 14).date().atTime(12, 0));
		ApplicationService later = at(clock);

		this.transactions.executeWithoutResult((status) -> later.lapseUnpaid(15));
		assertThat(statusOf(late)).as("14 working days on").isEqualTo(ApplicationStatus.AWAITING_PAYMENT);

		clock.set(this.calendar.addWorkingDays(approvedOn, 15).date().atTime(12, 0));
		this.transactions.executeWithoutResult((status) -> later.lapseUnpaid(15));

		assertThat(statusOf(late)).isEqualTo(ApplicationStatus.LAPSED);
		assertThat(this.inbox.of(SELLER)).filteredOn((message) -> message.key().equals("message.paymentLapsed"))
			.anySatisfy((message) -> assertThat(message.arguments()).contains(matter.path("trackingNo").asString()));
		assertThat(this.wallet.issuedFor(matter.path("trackingNo").asString())).isEmpty();
	}

	/** The same service as the application's, on the test's clock. */
	private ApplicationService at(TestClock clock) {
		return new ApplicationService(this.context.getBean(Applications.class),
				this.context.getBean(org.onevisit.catalog.Catalogue.class), this.calendar, clock, this.context,
				this.context.getBean(tools.jackson.databind.json.JsonMapper.class),
				this.context.getBeanProvider(org.onevisit.applications.HeldLicences.class),
				this.context.getBean(org.onevisit.applications.Uploads.class),
				this.context.getBeanProvider(org.onevisit.applications.RegisteredOwners.class),
				this.context.getBeanProvider(org.onevisit.applications.Eligibility.class),
				this.context.getBean(org.onevisit.queues.Halls.class),
				this.context.getBeanProvider(org.onevisit.applications.Dues.class),
				this.context.getBeanProvider(org.onevisit.applications.HouseholdRegions.class));
	}

	private ApplicationStatus statusOf(String id) {
		return this.applications.find(new ApplicationId(UUID.fromString(id)), Actor.system()).status();
	}

	private static JsonNode lineNamed(JsonNode order, String name) {
		for (JsonNode line : order.path("lines")) {
			if (line.path("name").asString().equals(name)) {
				return line;
			}
		}
		throw new AssertionError("no line " + name + " in " + order);
	}

	private static String csrf(OneVisitHttp http, String id) {
		return "_csrf=" + OneVisitHttp.csrfTokenOf(http.get("/my/applications/" + id + "/payment").body());
	}

}
