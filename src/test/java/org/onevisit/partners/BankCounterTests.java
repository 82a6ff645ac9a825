package org.onevisit.partners;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.Partners;
import org.onevisit.registries.RegistryControl;
import org.onevisit.shared.CreditCode;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onevisit.Eventually.eventually;

/**
 * The bank counter (还贷+抵押注销, issue 27): the bank the register names as mortgagee files
 * the release for the borrower under their mandate, certifying the payoff; once approved
 * the property registry records the release, the old certificate is cancelled and the
 * borrower holds a new one without the mortgage. Another bank, even with a mandate, is
 * refused by the conditions of eligibility.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BankCounterTests {

	/** 李四 (applicant2), the borrower. */
	static final String BORROWER = Matters.BUYER;

	@Autowired
	OneVisitServer server;

	@Autowired
	JdbcClient jdbc;

	Partners partners;

	@BeforeEach
	void partners() {
		this.partners = new Partners(this.server.port());
	}

	@Test
	void theMortgageeBankFilesTheReleaseAndTheBorrowerGetsACertificateWithoutTheMortgage() throws Exception {
		RegistryControl.Flat flat = mortgagedFlat();
		OneVisitHttp borrower = signedIn("applicant2");
		String mandate = grant(borrower, Partners.Client.DEMO_BANK.clientId());
		String token = this.partners.token(Partners.Client.DEMO_BANK, "file:nr");

		HttpResponse<String> filed = file(token, mandate, flat, RegistryControl.DEMO_BANK_CODE);
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		JsonNode application = OneVisitHttp.json(filed);
		assertThat(application.path("channel").asString()).isEqualTo("PARTNER");
		String id = application.path("id").asString();
		String tracking = application.path("trackingNo").asString();

		// the registries read for the filing name the mandate and the bank, on the ledger
		// and under 我的数据
		assertThat(this.jdbc.sql("select count(*) from exchange_ledger where actor = :bank and purpose like :mandate")
			.param("bank", Partners.Client.DEMO_BANK.clientId())
			.param("mandate", "%exchange.purpose.underMandate%" + mandate + "%")
			.query(Integer.class)
			.single()).isPositive();
		assertThat(Jsoup.parse(borrower.get("/my/data").body()).text()).contains(mandate)
			.contains(RegistryControl.DEMO_BANK);

		// the hall's reviewers see it apart, with the bank's name
		OneVisitHttp reviewer = signedIn("reviewer-nr");
		Document inbox = Jsoup.parse(reviewer.get("/review").body());
		assertThat(inbox.select("tr:contains(" + tracking + ") .by-partner").text())
			.contains(RegistryControl.DEMO_BANK);
		// and the bank at its desk, with the mandate it filed under
		JsonNode desk = OneVisitHttp
			.json(this.server.http().get("/api/v1/partner/applications", "Authorization", "Bearer " + token));
		assertThat(desk.toString()).contains(tracking).contains(mandate).contains("mortgage-payoff");

		Matters matters = this.server.matters();
		matters.approveAll(withMaterials(matters, id));

		// the registry records the release and a certificate without the mortgage
		RegistryControl.Certificate old = eventually(
				() -> this.server.registries().certificate(flat.certificateNo()).orElse(null),
				(certificate) -> certificate != null && "已注销".equals(certificate.status()));
		assertThat(old.successor()).isNotBlank().isNotEqualTo(flat.certificateNo());
		assertThat(this.server.registries()
			.subjectsMatching("realestate.mortgage",
					(record) -> flat.certificateNo().equals(record.get("certificateNo"))
							&& "有效".equals(record.get("status"))))
			.isEmpty();
		assertThat(this.server.registries()
			.subjectsMatching("realestate.mortgage",
					(record) -> flat.certificateNo().equals(record.get("certificateNo"))
							&& "已注销".equals(record.get("status"))))
			.containsExactly(BORROWER);
		assertThat(this.server.registries()
			.subjectsMatching("realestate.ownership", (record) -> old.successor().equals(record.get("certificateNo"))))
			.containsExactly(BORROWER);

		// the borrower holds the new certificate as the matter's result
		JsonNode licence = eventually(() -> licenceOf(matters.bearer("applicant2"), tracking),
				(found) -> found != null);
		assertThat(licence.path("type").asString()).isEqualTo("不动产权证书");
		assertThat(licence.path("number").asString()).isEqualTo(old.successor());
		assertThat(licence.toString()).contains(flat.certificateNo());
	}

	@Test
	void theReleaseStaysWithTheCitysCentreWhileTheRegisterQueryGoesToTheBorrowersCounty() {
		// the flat lies in 东湖区, whose flats the city's centre registers; 李四's household
		// is in 西山区, whose office answers his register queries (全市通办 inside a bundle)
		RegistryControl.Flat flat = mortgagedFlat();
		String mandate = grant(signedIn("applicant2"), Partners.Client.DEMO_BANK.clientId());

		HttpResponse<String> filed = file(this.partners.token(Partners.Client.DEMO_BANK, "file:nr"), mandate, flat,
				RegistryControl.DEMO_BANK_CODE);

		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		// the bank's answer names no departments: the hall's clerk reads them
		JsonNode application = OneVisitHttp.json(this.server.http()
			.get("/api/v1/applications/" + OneVisitHttp.json(filed).path("id").asString(), "Authorization",
					new Matters(this.server.http()).bearer("clerk1")));
		List<String> tasks = new ArrayList<>();
		for (JsonNode task : application.path("tasks")) {
			tasks.add(task.path("department").asString() + " " + task.path("itemCode").asString());
		}
		assertThat(tasks).containsExactlyInAnyOrder("nr 339900-NR-007", "nr-339903 339903-NR-006");
		// each office's reviewers see the bank's filing apart, with the bank's name
		String tracking = application.path("trackingNo").asString();
		for (String reviewer : List.of("reviewer-nr", "reviewer-nr-339903")) {
			Document inbox = Jsoup.parse(signedIn(reviewer).get("/review").body());
			assertThat(inbox.select("tr:contains(" + tracking + ") .by-partner").text()).as(reviewer)
				.contains(RegistryControl.DEMO_BANK);
		}
		assertThat(signedIn("reviewer-nr-339902").get("/review").body()).doesNotContain(tracking);
	}

	@Test
	void aBankThatIsNotTheRegisteredMortgageeIsRefusedEvenWithAMandate() {
		RegistryControl.Flat flat = mortgagedFlat();
		String otherCode = CreditCode
			.completing("91339900MA00C" + String.format("%03d", 100 + new java.util.Random().nextInt(800)))
			.value();
		Partners.Client other = this.partners
			.register("name=" + Partners.encode("另一家银行" + UUID.randomUUID().toString().substring(0, 4))
					+ "&kind=BANK&groups=nr&creditCode=" + otherCode);
		String mandate = grant(signedIn("applicant2"), other.clientId());
		String token = this.partners.token(other, "file:nr");

		HttpResponse<String> filed = file(token, mandate, flat, otherCode);
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(422);
		assertThat(OneVisitHttp.json(filed).path("code").asString()).isEqualTo("eligibility_failed");
		assertThat(filed.body()).contains("filerIsRegisteredMortgagee").doesNotContain("mortgageInForce\"");
		// naming the real mortgagee on the form does not make it one
		HttpResponse<String> posing = file(token, mandate, flat, RegistryControl.DEMO_BANK_CODE);
		assertThat(posing.statusCode()).as(posing.body()).isEqualTo(422);
		assertThat(posing.body()).contains("formNamesTheFilingBank");
		// and the mortgage stays in force
		assertThat(this.server.registries()
			.subjectsMatching("realestate.mortgage",
					(record) -> flat.certificateNo().equals(record.get("certificateNo"))
							&& "有效".equals(record.get("status"))))
			.containsExactly(BORROWER);
	}

	@Test
	void aFlatWithoutAMortgageHasNothingToRelease() {
		RegistryControl.Flat flat = this.server.registries()
			.registerFlat(List.of(new RegistryControl.Share(BORROWER, 100)),
					"示范市西山区银行测试路" + UUID.randomUUID().toString().substring(0, 8) + "号", 76.0, LocalDate.of(2018, 5, 2));
		String mandate = grant(signedIn("applicant2"), Partners.Client.DEMO_BANK.clientId());
		HttpResponse<String> filed = file(this.partners.token(Partners.Client.DEMO_BANK, "file:nr"), mandate, flat,
				RegistryControl.DEMO_BANK_CODE);
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(422);
		assertThat(filed.body()).contains("mortgageRegistered");
	}

	private RegistryControl.Flat mortgagedFlat() {
		RegistryControl.Flat flat = this.server.registries()
			.registerFlat(List.of(new RegistryControl.Share(BORROWER, 100)),
					"示范市东湖区银行测试路" + UUID.randomUUID().toString().substring(0, 8) + "号", 88.0, LocalDate.of(2017, 3, 9));
		this.server.registries()
			.registerMortgage(flat.certificateNo(), RegistryControl.DEMO_BANK, RegistryControl.DEMO_BANK_CODE, 600_000);
		return flat;
	}

	private HttpResponse<String> file(String token, String mandate, RegistryControl.Flat flat, String bankCode) {
		String body = """
				{"mandateId":"%s","bundleCode":"mortgage-payoff","applicant":{"residentId":"%s"},
				 "form":{"mortgagorId":"%s","certificateNo":"%s","mortgageeCode":"%s",
				         "loanContractNo":"GR2017-%s","settledOn":"%s","queryPurpose":"核对抵押注销后的登记结果"}}
				""".formatted(mandate, BORROWER, BORROWER, flat.certificateNo(), bankCode,
				UUID.randomUUID().toString().substring(0, 6), LocalDate.now().minusDays(1));
		return this.server.http()
			.postJson("/api/v1/applications", body, "Authorization", "Bearer " + token, "Idempotency-Key",
					UUID.randomUUID().toString());
	}

	/** The application once its registry materials are fetched. */
	private JsonNode withMaterials(Matters matters, String id) throws InterruptedException {
		OneVisitHttp http = this.server.http();
		String clerk = matters.bearer("clerk1");
		return eventually(() -> OneVisitHttp.json(http.get("/api/v1/applications/" + id, "Authorization", clerk)),
				(application) -> !application.path("materials").toString().contains("PENDING_FETCH"));
	}

	private JsonNode licenceOf(String bearer, String tracking) {
		for (JsonNode licence : OneVisitHttp
			.json(this.server.http().get("/api/v1/licences", "Authorization", bearer))) {
			if (licence.path("trackingNo").asString().equals(tracking) && !licence.path("revoked").asBoolean()) {
				return licence;
			}
		}
		return null;
	}

	private String grant(OneVisitHttp citizen, String clientId) {
		return this.partners.grant(citizen, clientId, "mortgage-payoff", "还清房贷，代办抵押注销");
	}

	private OneVisitHttp signedIn(String username) {
		return this.partners.signedIn(username);
	}

}
