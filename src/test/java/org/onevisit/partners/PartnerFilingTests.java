package org.onevisit.partners;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.Problems;
import org.onevisit.Partners;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.ServiceItem;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner files for a citizen under the citizen's mandate, with its client-credentials
 * token: without a mandate, with an expired or a withdrawn one it is refused with its
 * code; what it filed is on the citizen's record with the mandate's id; the consent
 * receipt names who, to whom, what, how long and how to withdraw; a clerk records a paper
 * mandate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerFilingTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	Catalogue catalogue;

	@Autowired
	JdbcClient jdbc;

	Partners partners;

	Partners.Client bank;

	String token;

	@BeforeEach
	void aBankFilingTheFlatTransfersGroups() {
		this.partners = new Partners(this.server.port());
		List<String> departments = this.catalogue.itemsOf(this.catalogue.bundle("flat-transfer").content())
			.stream()
			.map(ServiceItem::departmentCode)
			.distinct()
			.toList();
		String groups = departments.stream().map((group) -> "groups=" + group).collect(Collectors.joining("&"));
		this.bank = this.partners.register("name="
				+ Partners.encode("示范银行" + UUID.randomUUID().toString().substring(0, 4)) + "&kind=BANK&" + groups);
		// the partner asks for the scopes it files under
		this.token = this.partners.bearer(this.bank,
				departments.stream().map((group) -> "file:" + group).collect(Collectors.joining(" ")));
	}

	@Test
	void filesForTheCitizenUnderTheirMandateAndTheCitizenSeesItWithTheMandate() throws Exception {
		OneVisitHttp seller = signedIn("applicant1");
		String mandate = grant(seller, this.bank.clientId(), "flat-transfer");

		HttpResponse<String> filed = file(mandate);
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		JsonNode application = OneVisitHttp.json(filed);
		assertThat(application.path("channel").asString()).isEqualTo("PARTNER");
		assertThat(application.path("mandateId").asString()).isEqualTo(mandate);

		// the citizen's own record: the partner, the filing and the mandate it used
		Document mine = Jsoup.parse(seller.get("/my/mandates").body());
		String record = mine.select("table.partner-actions tbody tr").text();
		assertThat(record).contains(application.path("trackingNo").asString()).contains(mandate);
		// and the matter is the citizen's: it is in their list
		String bearer = "Bearer " + this.server.http().bearerToken("applicant1", "onevisit-demo");
		assertThat(this.server.http()
			.get("/api/v1/applications/" + application.path("id").asString(), "Authorization", bearer)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAFilingWithoutAMandateOrUnderAnotherPartnersOrForAnItemItDoesNotName() {
		OneVisitHttp seller = signedIn("applicant1");
		assertRefused(file(null), "mandate_missing");
		assertRefused(file(UUID.randomUUID().toString()), "mandate_missing");
		Partners.Client other = this.partners.register("name=" + Partners.encode("另一家中介") + "&kind=AGENCY&groups=nr");
		String theirs = grant(seller, other.clientId(), "flat-transfer");
		assertRefused(file(theirs), "mandate_missing");
		String elsewhere = grant(seller, this.bank.clientId(), "339900-TAX-001");
		assertRefused(file(elsewhere), "mandate_item_not_covered");
	}

	@Test
	void anExpiredMandateIsRefused() {
		String mandate = grant(signedIn("applicant1"), this.bank.clientId(), "flat-transfer");
		// the days pass: its last day was yesterday
		this.jdbc.sql("update partners_mandate set valid_until = :day where id = :id")
			.param("day", LocalDate.now().minusDays(2))
			.param("id", UUID.fromString(mandate))
			.update();
		assertRefused(file(mandate), "mandate_expired");
	}

	@Test
	void aWithdrawnMandateStopsThePartnersNextFiling() {
		OneVisitHttp seller = signedIn("applicant1");
		String mandate = grant(seller, this.bank.clientId(), "flat-transfer");
		assertThat(file(mandate).statusCode()).isEqualTo(201);
		String csrf = OneVisitHttp.csrfTokenOf(seller.get("/my/mandates").body());
		assertThat(seller.postForm("/my/mandates/" + mandate + "/withdrawal", "_csrf=" + csrf).statusCode())
			.isEqualTo(302);
		assertRefused(file(mandate), "mandate_withdrawn");
		// nobody else withdraws it, or reads its receipt
		assertThat(signedIn("applicant2").get("/my/mandates/" + mandate + "/receipt").statusCode()).isEqualTo(404);
	}

	@Test
	void theConsentReceiptNamesWhoToWhomWhatHowLongAndHowToWithdrawWithoutTheWholeId() {
		OneVisitHttp seller = signedIn("applicant1");
		String mandate = grant(seller, this.bank.clientId(), "flat-transfer");
		HttpResponse<String> download = seller.get("/my/mandates/" + mandate + "/receipt");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
		JsonNode receipt = OneVisitHttp.json(download);
		assertThat(receipt.path("receiptId").asString()).isEqualTo(mandate);
		assertThat(receipt.path("piiPrincipal").path("id").asString()).contains("*").doesNotContain(Matters.SELLER);
		assertThat(receipt.path("recipients").path(0).path("clientId").asString()).isEqualTo(this.bank.clientId());
		assertThat(receipt.path("purposes").path(0).path("items").toString()).contains("flat-transfer");
		assertThat(receipt.path("piiCategories").size()).isGreaterThan(0);
		assertThat(receipt.path("duration").path("until").asString())
			.isEqualTo(LocalDate.now().plusDays(30).toString());
		assertThat(receipt.path("withdrawal").path("how").asString()).isNotBlank();
		// the subject is stored sealed, found by its blind index
		String stored = this.jdbc.sql("select subject_sealed from partners_mandate where id = :id")
			.param("id", UUID.fromString(mandate))
			.query(String.class)
			.single();
		assertThat(stored).startsWith("pd1.").doesNotContain(Matters.SELLER);
	}

	@Test
	void aClerkRecordsAPaperMandateThePartnerThenHolds() {
		OneVisitHttp clerk = signedIn("clerk1");
		String csrf = OneVisitHttp.csrfTokenOf(clerk.get("/hall/mandates").body());
		String form = "residentId=" + Matters.BUYER + "&partner=" + this.bank.clientId()
				+ "&items=flat-transfer&purpose=" + Partners.encode("代办过户") + "&until=" + LocalDate.now().plusDays(10)
				+ "&identitiesChecked=true&_csrf=" + csrf;
		assertThat(clerk.postForm("/hall/mandates", form).statusCode()).isEqualTo(302);
		Document page = Jsoup.parse(clerk.get("/hall/mandates").body());
		assertThat(page.select("[role=alert]")).isEmpty();
		assertThat(page.select("[role=status]").text()).isNotBlank();
		JsonNode held = OneVisitHttp
			.json(this.server.http().get("/api/v1/partner/mandates", "Authorization", this.token));
		assertThat(held.size()).isEqualTo(1);
		assertThat(held.path(0).path("channel").asString()).isEqualTo("PAPER");
		assertThat(held.path(0).path("subject").asString()).doesNotContain(Matters.BUYER);
		// without the identity check there is no paper mandate
		String again = OneVisitHttp.csrfTokenOf(clerk.get("/hall/mandates").body());
		clerk.postForm("/hall/mandates", form.replace("&identitiesChecked=true", "").replace(csrf, again));
		assertThat(Jsoup.parse(clerk.get("/hall/mandates").body()).select("[role=alert]").text()).isNotBlank();
	}

	private HttpResponse<String> file(String mandate) {
		String body = Matters.flatTransfer(Matters.mintFlat(this.server.registries())).strip();
		if (mandate != null) {
			body = body.substring(0, body.length() - 1) + ",\"mandateId\":\"" + mandate + "\"}";
		}
		return this.server.http()
			.postJson("/api/v1/applications", body, "Authorization", this.token, "Idempotency-Key",
					UUID.randomUUID().toString());
	}

	private static void assertRefused(HttpResponse<String> answer, String code) {
		assertThat(Problems.assertProblem(answer, 403, code).path("detail").asString()).isNotBlank();
	}

	private String grant(OneVisitHttp citizen, String clientId, String item) {
		return this.partners.grant(citizen, clientId, item, "代办存量房过户");
	}

	private OneVisitHttp signedIn(String username) {
		return this.partners.signedIn(username);
	}

}
