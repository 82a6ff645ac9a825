package org.onevisit.portal.internal;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.applications.Uploads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business as an applicant: its forms pre-filled from its enterprise record, its
 * matters filed through the API, the pages and the window, and its licences held under
 * its credit code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BusinessApplicantTests {

	/** business1's business, 张三's restaurant company. */
	static final String COMPANY = "91339900MA2H5T7K0B";

	static final String COMPANY_NAME = "示范市张三餐饮有限公司";

	static final String COMPANY_ADDRESS = "示范市东湖区示范路8号";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	OneVisitServer server;

	@Autowired
	Uploads uploads;

	/** A new visitor for each test. */
	@Autowired
	OneVisitHttp http;

	String business;

	@BeforeEach
	void tokens() {
		this.business = "Bearer " + this.http.bearerToken("business1", "onevisit-demo");
	}

	JsonNode prefill(String itemCode) {
		return prefill("itemCode", itemCode);
	}

	JsonNode prefill(String kind, String code) {
		HttpResponse<String> prefilled = this.http.postJson("/api/v1/prefills",
				"{\"" + kind + "\":\"" + code + "\",\"applicant\":{\"creditCode\":\"" + COMPANY + "\"},\"form\":{}}",
				"Authorization", this.business);
		assertThat(prefilled.statusCode()).as(prefilled.body()).isEqualTo(200);
		return OneVisitHttp.json(prefilled);
	}

	static JsonNode material(JsonNode materials, String code) {
		return materials.valueStream()
			.filter((material) -> material.path("code").asString().equals(code))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no material " + code + " in " + materials));
	}

	/**
	 * The business files the item with the pre-filled form and more, naming the evidence.
	 */
	HttpResponse<String> file(String itemCode, JsonNode prefilled, Map<String, Object> more,
			Map<String, String> uploaded) {
		return file("itemCode", itemCode, prefilled, more, uploaded);
	}

	HttpResponse<String> file(String kind, String code, JsonNode prefilled, Map<String, Object> more,
			Map<String, String> uploaded) {
		ObjectNode body = JSON.createObjectNode();
		body.put(kind, code);
		body.putObject("applicant").put("creditCode", COMPANY);
		ObjectNode form = body.putObject("form");
		prefilled.path("form").properties().forEach((entry) -> form.set(entry.getKey(), entry.getValue()));
		more.forEach((name, value) -> form.set(name, JSON.valueToTree(value)));
		ObjectNode evidence = body.putObject("evidence");
		prefilled.path("materials").forEach((material) -> {
			if (!material.path("evidenceId").isNull() && !material.path("evidenceId").asString().isBlank()) {
				evidence.put(material.path("code").asString(), material.path("evidenceId").asString());
			}
		});
		ObjectNode materials = body.putObject("materials");
		uploaded.forEach(materials::put);
		return this.http.postJson("/api/v1/applications", body.toString(), "Authorization", this.business,
				"Idempotency-Key", UUID.randomUUID().toString());
	}

	/** The application as it is once the registries have answered for its materials. */
	JsonNode collected(JsonNode application) throws InterruptedException {
		String id = application.path("id").asString();
		long deadline = System.currentTimeMillis() + 20_000;
		JsonNode latest = application;
		while (System.currentTimeMillis() < deadline) {
			latest = OneVisitHttp.json(this.http.get("/api/v1/applications/" + id, "Authorization", this.business));
			if (latest.path("materials")
				.valueStream()
				.noneMatch((material) -> material.path("state").asString().equals("PENDING_FETCH"))) {
				return latest;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("still fetching: " + latest);
	}

	@Test
	void preFillsABusinesssFormFromItsEnterpriseRecordAndItsLegalRepresentative() {
		JsonNode prefilled = prefill("339900-SAMR-003");

		assertThat(prefilled.path("form").path("operatorName").asString()).isEqualTo(COMPANY_NAME);
		assertThat(prefilled.path("form").path("address").asString()).isEqualTo(COMPANY_ADDRESS);
		// the legal representative, as the enterprise record names him
		assertThat(prefilled.path("form").path("operatorId").asString()).isEqualTo(Matters.SELLER);
		assertThat(prefilled.path("sources").path("operatorName").path("element").asString())
			.isEqualTo("enterprise.registration");
		assertThat(prefilled.path("sources").path("operatorId").path("element").asString())
			.isEqualTo("enterprise.registration");
		// the business licence is proved by the enterprise registry; the representative's
		// identity is the business's own to show
		JsonNode materials = prefilled.path("materials");
		assertThat(material(materials, "business-licence").path("outcome").asString()).isEqualTo("FETCHED");
		assertThat(material(materials, "business-licence").path("subject").asString()).isEqualTo(COMPANY);
		assertThat(material(materials, "operator-identity").path("outcome").asString()).isEqualTo("FETCHED");
		assertThat(material(materials, "operator-identity").path("subject").asString()).isEqualTo(Matters.SELLER);
		// and the population registry was never asked about a credit code
		assertThat(materials.valueStream()
			.filter((material) -> material.path("element").asString().startsWith("population."))
			.map((material) -> material.path("subject").asString())).isNotEmpty().doesNotContain(COMPANY);

		// the business sees who read its record (我的数据)
		JsonNode accesses = OneVisitHttp
			.json(this.http.get("/api/v1/my/data-accesses", "Authorization", this.business));
		assertThat(accesses.valueStream().map(JsonNode::toString))
			.anySatisfy((access) -> assertThat(access).contains("enterprise"));
	}

	@Test
	void aBusinessFilesTheRestaurantsFoodPermitThroughTheApiAndHoldsTheLicenceUnderItsCreditCode()
			throws InterruptedException {
		JsonNode prefilled = prefill("339900-SAMR-003");
		String floorPlan = this.uploads.store("business1", "平面布局图.pdf", new ByteArrayInputStream(PDF)).id().toString();

		HttpResponse<String> filed = file("339900-SAMR-003", prefilled,
				Map.of("floorArea", 120, "menuCategory", "热食类食品制售"), Map.of("floor-plan", floorPlan));

		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		// the legal representative named as the operator confirms, as himself
		assertThat(OneVisitHttp.json(filed).path("status").asString()).isEqualTo("AWAITING_PARTIES");
		Matters matters = new Matters(this.http);
		JsonNode application = collected(matters.confirmAsParties(OneVisitHttp.json(filed)));
		assertThat(material(application.path("materials"), "business-licence").path("state").asString())
			.isEqualTo("FETCHED");
		assertThat(material(application.path("materials"), "operator-identity").path("state").asString())
			.isEqualTo("FETCHED");
		JsonNode approved = matters.approveAll(application);
		assertThat(approved.path("status").asString()).as(approved.toString()).isEqualTo("APPROVED");

		JsonNode licence = licenceFor(approved.path("trackingNo").asString());
		assertThat(licence.path("type").asString()).isEqualTo("食品经营许可证");
		assertThat(licence.path("holder").asString()).isEqualTo(COMPANY);
		assertThat(licence.toString()).contains(COMPANY_NAME, COMPANY_ADDRESS);
	}

	@Test
	void aBusinessFilesTheBundleForOpeningARestaurantAndHoldsItsPermitAndItsFireCheck() throws InterruptedException {
		JsonNode prefilled = prefill("bundleCode", "licensed-restaurant");
		assertThat(prefilled.path("form").path("operatorName").asString()).isEqualTo(COMPANY_NAME);
		assertThat(prefilled.path("form").path("operatorId").asString()).isEqualTo(Matters.SELLER);
		assertThat(material(prefilled.path("materials"), "business-licence").path("outcome").asString())
			.isEqualTo("FETCHED");
		Map<String, String> uploaded = Map.of("floor-plan", upload("平面布局图.pdf"), "fire-plan", upload("消防平面图.pdf"));

		HttpResponse<String> filed = file("bundleCode", "licensed-restaurant", prefilled,
				Map.of("floorArea", 90, "menuCategory", "热食类食品制售", "fireCommitment", true), uploaded);

		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		Matters matters = new Matters(this.http);
		JsonNode application = collected(matters.confirmAsParties(OneVisitHttp.json(filed)));
		assertThat(material(application.path("materials"), "business-licence").path("state").asString())
			.isEqualTo("FETCHED");
		JsonNode approved = matters.approveAll(application);
		assertThat(approved.path("status").asString()).as(approved.toString()).isEqualTo("APPROVED");
		String tracking = approved.path("trackingNo").asString();
		assertThat(licencesFor(tracking, 2)).extracting((licence) -> licence.path("type").asString())
			.containsExactlyInAnyOrder("食品经营许可证", "公众聚集场所投入使用营业前消防安全检查意见书");
		assertThat(licencesFor(tracking, 2))
			.allSatisfy((licence) -> assertThat(licence.path("holder").asString()).isEqualTo(COMPANY));
	}

	String upload(String name) {
		return this.uploads.store("business1", name, new ByteArrayInputStream(PDF)).id().toString();
	}

	/** The business's licences for the matter, once as many as expected are issued. */
	List<JsonNode> licencesFor(String tracking, int expected) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 20_000;
		List<JsonNode> found = List.of();
		while (System.currentTimeMillis() < deadline) {
			found = OneVisitHttp.json(this.http.get("/api/v1/licences", "Authorization", this.business))
				.valueStream()
				.filter((licence) -> licence.path("trackingNo").asString().equals(tracking))
				.toList();
			if (found.size() >= expected) {
				return found;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("licences for " + tracking + ": " + found);
	}

	JsonNode licenceFor(String tracking) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < deadline) {
			for (JsonNode licence : OneVisitHttp
				.json(this.http.get("/api/v1/licences", "Authorization", this.business))) {
				if (licence.path("trackingNo").asString().equals(tracking)) {
					return licence;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no licence for " + tracking + ": "
				+ this.http.get("/api/v1/licences", "Authorization", this.business).body());
	}

	@Test
	void aBusinessAccountFindsItsFormFilledInOnThePagesAndFilesIt() {
		OneVisitHttp pages = this.server.signedIn("business1");

		Document form = Jsoup.parse(pages.get("/apply/items/339900-TAX-003").body());

		assertThat(form.getElementById("field-enterpriseName").val()).isEqualTo(COMPANY_NAME);
		assertThat(form.select(".materials .badge").eachText()).doesNotContain("需要您提交");
		Map<String, String> inputs = ApplyPagesTests.inputsOf(form);
		inputs.put("field.invoiceType", "数电发票（普通发票）");
		HttpResponse<String> filed = pages.postForm("/apply/items/339900-TAX-003", OneVisitHttp.declared(inputs));
		assertThat(filed.statusCode()).as(() -> Jsoup.parse(filed.body()).select("[role=alert]").text()).isEqualTo(302);
		assertThat(filed.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).matches(".*/my/applications/[0-9a-f-]{36}/filed"));
	}

	@Test
	void aBusinessOpeningAPersonsItemIsToldItIsOfferedOnlyToPeopleBeforeFillingAnything() {
		OneVisitHttp pages = this.server.signedIn("business1");

		Document form = Jsoup.parse(pages.get("/apply/items/339900-POLICE-005").body());

		assertThat(form.getElementById("refusal").text()).contains("无犯罪记录证明", "只面向个人");
		// nothing was read for it: the applicant's number is not filled in
		assertThat(form.getElementById("field-applicantId").val()).isEmpty();
	}

	@Test
	void theWindowLooksUpABusinessThroughItsLegalRepresentativesIdCardAndFilesForIt() {
		OneVisitHttp clerk = this.server.signedIn("clerk1");
		clerk.get("/hall?hall=city");

		HttpResponse<String> lookup = businessLookup(clerk, Matters.SELLER, "张三", "items/339900-TAX-003");

		assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(302);
		HttpResponse<String> page = clerk
			.get(lookup.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
		Document form = Jsoup.parse(page.body());
		assertThat(form.getElementById("business-at-window").text()).contains(COMPANY_NAME, COMPANY, "张三");
		assertThat(form.getElementById("field-enterpriseName").val()).isEqualTo(COMPANY_NAME);
		assertThat(form.select("input[name=creditCode]").val()).isEqualTo(COMPANY);

		Map<String, String> inputs = ApplyPagesTests.inputsOf(form);
		inputs.put("field.invoiceType", "数电发票（普通发票）");
		HttpResponse<String> accepted = clerk.postMultipart("/hall/apply/items/339900-TAX-003", inputs, Map.of());
		assertThat(accepted.statusCode())
			.as(() -> Jsoup.parse(accepted.body()).select("ol.missing, [role=alert]").text())
			.isEqualTo(302);
		Document receipt = Jsoup.parse(
				clerk.get(accepted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
					.body());
		assertThat(receipt.text()).contains("发票票种核定及首次领用", COMPANY);
	}

	@Test
	void theWindowDoesNotFileForABusinessWhenThePersonPresentIsNotItsLegalRepresentative() {
		OneVisitHttp clerk = this.server.signedIn("clerk1");
		// a hall where the business has not been today
		clerk.get("/hall?hall=east");

		HttpResponse<String> refused = businessLookup(clerk, Matters.BUYER, "李四", "items/339900-TAX-003");

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(refused.body()).getElementById("business-error").text()).contains("法定代表人");
		assertThat(clerk.get("/hall/apply/items/339900-TAX-003?creditCode=" + COMPANY).body())
			.contains("identity-error")
			.doesNotContain(COMPANY_NAME);
	}

	@Test
	void theClerksLookupOfAResidentFillsTheirIdSoTheOneTimeNoticeDoesNotAskForIt() {
		OneVisitHttp clerk = this.server.signedIn("clerk1");
		HttpResponse<String> lookup = clerk.postForm("/hall/apply",
				"_csrf=" + OneVisitHttp.csrfTokenOf(clerk.get("/hall").body()) + "&residentId=" + Matters.BUYER
						+ "&matter=items/339900-POLICE-005&method=ID_CARD");
		Document form = Jsoup
			.parse(clerk.get(lookup.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
				.body());

		assertThat(form.getElementById("field-applicantId").val()).isEqualTo(Matters.BUYER);
		// the purpose left out: the notice names it, and not the applicant's own number
		HttpResponse<String> notice = clerk.postMultipart("/hall/apply/items/339900-POLICE-005",
				ApplyPagesTests.inputsOf(form), Map.of());
		Document page = Jsoup.parse(notice.body());
		assertThat(page.select("h1").text()).isEqualTo("一次性告知书");
		assertThat(page.select("ol.missing li").eachText()).isNotEmpty()
			.noneSatisfy((line) -> assertThat(line).contains("申请人身份证号码"));
	}

	static HttpResponse<String> businessLookup(OneVisitHttp clerk, String residentId, String name, String matter) {
		return clerk.postForm("/hall/apply/business",
				"_csrf=" + OneVisitHttp.csrfTokenOf(clerk.get("/hall").body()) + "&creditCode=" + COMPANY
						+ "&residentId=" + residentId + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
						+ "&matter=" + matter);
	}

}
