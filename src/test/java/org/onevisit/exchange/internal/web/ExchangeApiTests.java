package org.onevisit.exchange.internal.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.Problems;
import org.onevisit.registries.RegistryControl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Pre-filling, filing with the previewed evidence, and my data, through HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExchangeApiTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	OneVisitServer server;

	/** A new visitor for each test. */
	@Autowired
	OneVisitHttp http;

	@Test
	void theSellerFilesTheFlatTransferPrefilledWithNothingToUploadAndBothPartiesSeeTheirOwnAccesses() throws Exception {
		String seller = this.http.bearer("applicant1");
		HttpResponse<String> prefilled = this.http.postJson("/api/v1/prefills", "{\"bundleCode\":\"flat-transfer\"}",
				"Authorization", seller);
		assertThat(prefilled.statusCode()).as(prefilled.body()).isEqualTo(200);
		JsonNode preview = OneVisitHttp.json(prefilled);
		assertThat(preview.path("form").path("buyerName").asString()).isEqualTo("李四");
		// the seller's own data is fetched; the buyer's is read after filing, for the
		// matter
		for (JsonNode material : preview.path("materials")) {
			assertThat(material.path("outcome").asString()).as(material.toString())
				.isEqualTo(material.path("subject").asString().equals(BUYER) ? "AFTER_CONFIRMATION" : "FETCHED");
		}

		ObjectNode submission = JSON.createObjectNode();
		submission.put("bundleCode", "flat-transfer");
		submission.putObject("applicant").put("residentId", "339902198503120016");
		// a flat of his own for this test, written over the pre-filled one
		RegistryControl.Flat flat = Matters.mintFlat(this.server.registries());
		submission.set("form", ((ObjectNode) preview.path("form")).put("certificateNo", flat.certificateNo())
			.put("address", flat.address()));
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
			.json(this.http.get("/api/v1/my/data-accesses", "Authorization", this.http.bearer("applicant2")));
		assertThat(sellerLog.size()).isPositive();
		assertThat(buyerLog.size()).isPositive();
		sellerLog.forEach((entry) -> assertThat(entry.path("subject").asString()).isEqualTo("339902198503120016"));
		buyerLog.forEach((entry) -> assertThat(entry.path("subject").asString()).isEqualTo("339903199007180029"));
		// the buyer's records were read for the matter, and their log says so
		String tracking = application.path("trackingNo").asString();
		assertThat(buyerLog.valueStream()
			.filter((entry) -> entry.path("reference").asString().equals(id))
			.map((entry) -> entry.path("purpose").asString())).isNotEmpty()
			.allSatisfy((purpose) -> assertThat(purpose).isEqualTo("办件 " + tracking + " 的审查材料（由受理部门为该办件调取）"));
		// no matter left open
		assertThat(this.http.postJson("/api/v1/applications/" + id + "/withdrawal", "{}", "Authorization", seller)
			.statusCode()).isEqualTo(200);
	}

	static final String SELLER = "339902198503120016";

	static final String BUYER = "339903199007180029";

	/**
	 * Every value of a person's own identity, household and marriage records, as they see
	 * them pre-filling for themselves, that the other demo person's own records do not
	 * hold as well.
	 */
	Set<String> ownRecordValues(String username, String residentId, String otherUsername) {
		Set<String> values = recordValues(username, residentId);
		values.removeAll(recordValues(otherUsername, null));
		// what the filer types tells nothing new: the ID, and the county its first six
		// digits name (the household's region code)
		values.removeIf(residentId::contains);
		return values;
	}

	private Set<String> recordValues(String username, String residentId) {
		JsonNode own = OneVisitHttp.json(this.http.postJson("/api/v1/prefills", "{\"bundleCode\":\"flat-transfer\"}",
				"Authorization", this.http.bearer(username)));
		Set<String> values = new TreeSet<>();
		for (JsonNode material : own.path("materials")) {
			if (residentId != null && (!material.path("subject").asString().equals(residentId)
					|| !List.of("population.identity", "population.household", "marriage.status")
						.contains(material.path("element").asString()))) {
				continue;
			}
			collect(material.path("records"), values);
		}
		return values;
	}

	private static void collect(JsonNode node, Set<String> values) {
		if (node.isContainer()) {
			node.forEach((child) -> collect(child, values));
		}
		else if (node.asString().length() >= 2) {
			values.add(node.asString());
		}
	}

	@Test
	void aStrangersPrefillReturnsNoRecordOnlyWhetherTheNameMatches() {
		Set<String> strangers = ownRecordValues("applicant2", BUYER, "applicant1");
		assertThat(strangers).as("the stranger's own records, seen by themselves").hasSizeGreaterThan(3);

		HttpResponse<String> prefilled = this.http.postJson("/api/v1/prefills", """
				{"bundleCode":"flat-transfer","form":{"sellerId":"%s","buyerId":"%s"}}""".formatted(BUYER, BUYER),
				"Authorization", this.http.bearer("applicant1"));

		assertThat(prefilled.statusCode()).isEqualTo(200);
		assertThat(prefilled.body()).doesNotContain(strangers);
		JsonNode preview = OneVisitHttp.json(prefilled);
		assertThat(preview.path("materials")
			.valueStream()
			.filter((material) -> material.path("subject").asString().equals(BUYER))).isNotEmpty()
			.allSatisfy((material) -> {
				assertThat(material.path("records")).isEmpty();
				assertThat(material.path("evidenceId").isNull() || material.path("evidenceId").isMissingNode())
					.isTrue();
				assertThat(material.path("outcome").asString()).isEqualTo("AFTER_CONFIRMATION");
			});
		// the seller's name is the filer's own; the buyer's comes from the filer's
		// contract
		assertThat(preview.path("matches").path("sellerId").asString()).isEqualTo("姓名与身份证号码一致：否，请核对");
		assertThat(preview.path("matches").path("buyerId").asString()).isEqualTo("姓名与身份证号码一致：是");
	}

	@Test
	void theSellersPrefillShowsNothingOfTheBuyer() {
		Set<String> buyers = ownRecordValues("applicant2", BUYER, "applicant1");

		HttpResponse<String> prefilled = this.http.postJson("/api/v1/prefills", "{\"bundleCode\":\"flat-transfer\"}",
				"Authorization", this.http.bearer("applicant1"));

		assertThat(prefilled.body()).doesNotContain(buyers);
		JsonNode preview = OneVisitHttp.json(prefilled);
		assertThat(preview.path("form").path("buyerId").asString()).isEqualTo(BUYER);
		assertThat(preview.path("sources").path("buyerName").path("element").asString())
			.isEqualTo("housing.contractFiling");
		assertThat(preview.path("matches").path("buyerId").asString()).isEqualTo("姓名与身份证号码一致：是");
	}

	@Test
	void aClerkCannotPrefillSomeoneWhoseIdentityWasNotChecked() {
		HttpResponse<String> refused = this.http.postJson("/api/v1/prefills", """
				{"bundleCode":"flat-transfer","applicant":{"residentId":"%s"},"hallCode":"east"}""".formatted(SELLER),
				"Authorization", this.http.bearer("clerk1"));

		Problems.assertProblem(refused, 403, "identity_not_checked");
		assertThat(refused.body()).doesNotContain("张三");
	}

	@Test
	void aClerkPrefillsAfterCheckingTheIdCardAtThatHallOnly() {
		String clerk = this.http.bearer("clerk2");
		HttpResponse<String> checked = this.http.postJson("/api/v1/identity-checks", """
				{"hallCode":"west","residentId":"%s","method":"ID_CARD"}""".formatted(BUYER), "Authorization", clerk);
		assertThat(checked.statusCode()).as(checked.body()).isEqualTo(201);
		assertThat(OneVisitHttp.json(checked).path("clerk").asString()).isEqualTo("clerk2");

		HttpResponse<String> here = this.http.postJson("/api/v1/prefills", """
				{"itemCode":"339900-TAX-005","applicant":{"residentId":"%s"},"hallCode":"west"}""".formatted(BUYER),
				"Authorization", clerk);
		HttpResponse<String> elsewhere = this.http.postJson("/api/v1/prefills", """
				{"itemCode":"339900-TAX-005","applicant":{"residentId":"%s"},"hallCode":"city"}""".formatted(BUYER),
				"Authorization", clerk);

		assertThat(here.statusCode()).as(here.body()).isEqualTo(200);
		assertThat(OneVisitHttp.json(here)
			.path("materials")
			.valueStream()
			.map((material) -> material.path("outcome").asString())).contains("FETCHED");
		assertThat(elsewhere.statusCode()).isEqualTo(403);
		assertThat(OneVisitHttp.json(elsewhere).path("code").asString()).isEqualTo("identity_not_checked");
		// an applicant records no identity checks
		assertThat(this.http
			.postJson("/api/v1/identity-checks", """
					{"hallCode":"west","residentId":"%s","method":"ID_CARD"}""".formatted(SELLER), "Authorization",
					this.http.bearer("applicant1"))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void ledgerEntriesNameThePurposeAndOnWhoseBehalf() {
		this.http.postJson("/api/v1/prefills", """
				{"bundleCode":"flat-transfer","form":{"buyerId":"%s","buyerName":"李四"}}""".formatted(BUYER),
				"Authorization", this.http.bearer("applicant1"));

		JsonNode sellerLog = OneVisitHttp
			.json(this.http.get("/api/v1/my/data-accesses", "Authorization", this.http.bearer("applicant1")));
		JsonNode buyerLog = OneVisitHttp
			.json(this.http.get("/api/v1/my/data-accesses", "Authorization", this.http.bearer("applicant2")));

		assertThat(sellerLog.valueStream().map((entry) -> entry.path("purpose").asString()))
			.contains("预填“二手房转移登记一件事”，为申请人 3399**********0016 调取其本人数据");
		assertThat(buyerLog.valueStream().map((entry) -> entry.path("purpose").asString()))
			.contains("核验姓名与身份证号码是否一致（申请人 3399**********0016 在“二手房转移登记一件事”中填写了此人，只告知是否一致）")
			.noneMatch((purpose) -> purpose.startsWith("预填“二手房转移登记一件事”，为申请人 3399**********0016"));
		this.http.logIn("applicant2", "onevisit-demo");
		assertThat(this.http.get("/my/data").body()).contains("核验姓名与身份证号码是否一致（申请人 3399**********0016");
	}

	@Test
	void myDataPageListsTheAccessesAndTheLedgerVerifiesForAdministratorsOnly() {
		this.http.postJson("/api/v1/prefills", "{\"bundleCode\":\"flat-transfer\"}", "Authorization",
				this.http.bearer("applicant1"));
		this.http.logIn("applicant1", "onevisit-demo");
		HttpResponse<String> page = this.http.get("/my/data");
		assertThat(page.statusCode()).isEqualTo(200);
		// the department, the person and the data by their names, never by their codes
		assertThat(page.body())
			.contains("我的数据", "预填“二手房转移登记一件事”，为申请人 3399**********0016 调取其本人数据", "公安人口信息库：居民身份信息", "张三")
			.doesNotContain("population.identity", "applicant1");

		assertThat(this.http.get("/api/v1/admin/ledger/verification", "Authorization", this.http.bearer("applicant1"))
			.statusCode()).isEqualTo(403);
		JsonNode verification = OneVisitHttp
			.json(this.http.get("/api/v1/admin/ledger/verification", "Authorization", this.http.bearer("admin1")));
		assertThat(verification.path("intact").asBoolean()).isTrue();
		assertThat(verification.path("entries").asLong()).isPositive();
	}

	@Test
	void refusesAPrefillThatNamesNeitherItemNorBundleWithAProblem() {
		HttpResponse<String> refused = this.http.postJson("/api/v1/prefills", "{}", "Authorization",
				this.http.bearer("applicant1"));
		Problems.assertProblem(refused, 400, "prefill_invalid");
	}

}
