package org.onevisit.exchange.internal.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Pre-filling, filing with the previewed evidence, and my data, through HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExchangeApiTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	OneVisitHttp http;

	@BeforeEach
	void client() {
		this.http = new OneVisitHttp(this.port);
	}

	String bearer(String username) {
		return "Bearer " + this.http.bearerToken(username, "onevisit-demo");
	}

	@Test
	void theSellerFilesTheFlatTransferPrefilledWithNothingToUploadAndBothPartiesSeeTheirOwnAccesses() throws Exception {
		String seller = bearer("applicant1");
		HttpResponse<String> prefilled = this.http.postJson("/api/v1/prefills", "{\"bundleCode\":\"flat-transfer\"}",
				"Authorization", seller);
		assertThat(prefilled.statusCode()).as(prefilled.body()).isEqualTo(200);
		JsonNode preview = OneVisitHttp.json(prefilled);
		assertThat(preview.path("form").path("buyerName").asString()).isEqualTo("李四");
		for (JsonNode material : preview.path("materials")) {
			assertThat(material.path("outcome").asString()).as(material.toString()).isEqualTo("FETCHED");
		}

		ObjectNode submission = JSON.createObjectNode();
		submission.put("bundleCode", "flat-transfer");
		submission.putObject("applicant").put("residentId", "339902198503120016");
		submission.set("form", preview.path("form"));
		submission.set("evidence", preview.path("evidence"));
		HttpResponse<String> filed = this.http.postJson("/api/v1/applications", submission.toString(), "Authorization",
				seller, "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		String id = OneVisitHttp.json(filed).path("id").asString();
		// the co-owner and the buyer confirm: only then are its materials collected
		new Matters(this.http).confirmAsParties(OneVisitHttp.json(filed));

		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		JsonNode application = OneVisitHttp.json(this.http.get("/api/v1/applications/" + id, "Authorization", seller));
		while (application.path("materials").toString().contains("PENDING_FETCH") && System.nanoTime() < deadline) {
			Thread.sleep(100);
			application = OneVisitHttp.json(this.http.get("/api/v1/applications/" + id, "Authorization", seller));
		}
		for (JsonNode material : application.path("materials")) {
			assertThat(material.path("state").asString()).as(material.toString()).isIn("FETCHED", "WAIVED");
		}

		JsonNode sellerLog = OneVisitHttp.json(this.http.get("/api/v1/my/data-accesses", "Authorization", seller));
		JsonNode buyerLog = OneVisitHttp
			.json(this.http.get("/api/v1/my/data-accesses", "Authorization", bearer("applicant2")));
		assertThat(sellerLog.size()).isPositive();
		assertThat(buyerLog.size()).isPositive();
		sellerLog.forEach((entry) -> assertThat(entry.path("subject").asString()).isEqualTo("339902198503120016"));
		buyerLog.forEach((entry) -> assertThat(entry.path("subject").asString()).isEqualTo("339903199007180029"));
	}

	@Test
	void myDataPageListsTheAccessesAndTheLedgerVerifiesForAdministratorsOnly() {
		this.http.postJson("/api/v1/prefills", "{\"bundleCode\":\"flat-transfer\"}", "Authorization",
				bearer("applicant1"));
		this.http.logIn("applicant1", "onevisit-demo");
		HttpResponse<String> page = this.http.get("/my/data");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("我的数据", "预填：二手房转移登记一件事", "population.identity");

		assertThat(
				this.http.get("/api/v1/admin/ledger/verification", "Authorization", bearer("applicant1")).statusCode())
			.isEqualTo(403);
		JsonNode verification = OneVisitHttp
			.json(this.http.get("/api/v1/admin/ledger/verification", "Authorization", bearer("admin1")));
		assertThat(verification.path("intact").asBoolean()).isTrue();
		assertThat(verification.path("entries").asLong()).isPositive();
	}

	@Test
	void refusesAPrefillThatNamesNeitherItemNorBundleWithAProblem() {
		HttpResponse<String> refused = this.http.postJson("/api/v1/prefills", "{}", "Authorization",
				bearer("applicant1"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(OneVisitHttp.json(refused).path("code").asString()).isEqualTo("prefill_invalid");
	}

}
