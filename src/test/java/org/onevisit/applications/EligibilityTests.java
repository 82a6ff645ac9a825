package org.onevisit.applications;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.Problems;
import org.onevisit.catalog.CatalogueAdministration;
import org.onevisit.exchange.AccessEntry;
import org.onevisit.exchange.DataExchange;
import org.onevisit.shared.ResidentId;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Conditions of eligibility (issue 22), judged on the demo registries: who may marry,
 * which flat may be sold, whose records one may ask for, who registers a birth. The demo
 * persons made for these conditions are named in {@code SyntheticCity.eligibilityCases}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EligibilityTests {

	static final String ZHANG_SAN = "339902198503120016";

	static final String LI_SI = "339903199007180029";

	/** 陈静, divorced. */
	static final String CHEN_JING = "339903198804160026";

	/** 刘洋, unmarried. */
	static final String LIU_YANG = "339902199211080037";

	/** 周小明, born 2010: a minor. */
	static final String ZHOU_XIAOMING = "339902201002030017";

	/** 孙磊, whose flat is seized. */
	static final String SUN_LEI = "339902197909090051";

	static final String SEIZED_FLAT = "浙(2016)示范市不动产权第9000001号";

	/** 吴婷, whose flat is under an objection registration. */
	static final String WU_TING = "339903198312010064";

	static final String OBJECTED_FLAT = "浙(2018)示范市不动产权第9000002号";

	/** 郑强, whose flat is mortgaged and the bank has not consented. */
	static final String ZHENG_QIANG = "33990219750505007X";

	static final String MORTGAGED_FLAT = "浙(2015)示范市不动产权第9000003号";

	/** 冯雪, whose flat is mortgaged with the bank's consent to the sale. */
	static final String FENG_XUE = "339903198610100084";

	static final String CONSENTED_FLAT = "浙(2017)示范市不动产权第9000004号";

	/** 赵敏 and 钱伟, parents of a baby born twelve days ago. */
	static final String ZHAO_MIN = "339903199408210049";

	static final String QIAN_WEI = "339903199301300052";

	static final String MARRIAGE = """
			{"itemCode":"339900-CIVIL-001","applicant":{"residentId":"%s"},
			 "form":{"partyAId":"%s","partyBId":"%s","appointmentDate":"2026-12-20"}}
			""";

	static final String FLAT_SALE = """
			{"itemCode":"339900-NR-001","applicant":{"residentId":"%1$s"},
			 "form":{"sellerId":"%1$s","sellerName":"卖方","buyerId":"339903199007180029","buyerName":"李四",
			         "certificateNo":"%2$s","address":"示范市","price":1000000}}
			""";

	@Autowired
	OneVisitServer server;

	@Autowired
	DataExchange exchange;

	@Autowired
	CatalogueAdministration catalogue;

	@Autowired
	Uploads uploads;

	HttpResponse<String> file(String account, String json) {
		OneVisitHttp http = this.server.http();
		return http.postJson("/api/v1/applications", json, "Authorization",
				"Bearer " + http.bearerToken(account, "onevisit-demo"), "Idempotency-Key",
				UUID.randomUUID().toString());
	}

	HttpResponse<String> fileInEnglish(String account, String json) {
		OneVisitHttp http = this.server.http();
		return http.postJson("/api/v1/applications", json, "Authorization",
				"Bearer " + http.bearerToken(account, "onevisit-demo"), "Idempotency-Key", UUID.randomUUID().toString(),
				"Accept-Language", "en");
	}

	static List<String> failedConditions(HttpResponse<String> refused) {
		JsonNode problem = Problems.assertProblem(refused, 422, "eligibility_failed");
		return problem.path("conditions").valueStream().map((entry) -> entry.path("code").asString()).toList();
	}

	String wangFang() {
		return this.server.registries()
			.subjectsMatching("marriage.status", (record) -> ZHANG_SAN.equals(record.get("spouseId")))
			.get(0);
	}

	@Test
	void refusesAMarriageWhenAPartyIsStillMarried() {
		HttpResponse<String> refused = file("clerk1", MARRIAGE.formatted(ZHANG_SAN, ZHANG_SAN, CHEN_JING));

		assertThat(failedConditions(refused)).containsExactly("partyAHasNoSpouse");
		JsonNode entry = OneVisitHttp.json(refused).path("conditions").get(0);
		assertThat(entry.path("sentence").asString()).isEqualTo("男方未婚、离异或丧偶，婚姻登记信息中没有有效婚姻");
		assertThat(entry.path("basis").asString()).contains("《中华人民共和国民法典》第一千零四十二条");
	}

	@Test
	void refusesAMarriageOfAMinor() {
		HttpResponse<String> refused = file("clerk1", MARRIAGE.formatted(CHEN_JING, ZHOU_XIAOMING, CHEN_JING));

		assertThat(failedConditions(refused)).containsExactly("partyAOfMarriageableAge");
		assertThat(OneVisitHttp.json(refused).path("conditions").get(0).path("basis").asString()).contains("第一千零四十七条");
	}

	@Test
	void listsEveryFailedConditionAtOnceInTheReadersLanguage() {
		String married = MARRIAGE.formatted(CHEN_JING, ZHOU_XIAOMING, wangFang());

		HttpResponse<String> refused = file("clerk1", married);
		HttpResponse<String> inEnglish = fileInEnglish("clerk1", married);

		assertThat(failedConditions(refused)).containsExactly("partyAOfMarriageableAge", "partyBHasNoSpouse");
		assertThat(OneVisitHttp.json(refused).path("detail").asString()).startsWith("有 2 项办理条件不满足")
			.contains("男方已达法定婚龄", "女方未婚、离异或丧偶");
		assertThat(failedConditions(inEnglish)).containsExactly("partyAOfMarriageableAge", "partyBHasNoSpouse");
		assertThat(OneVisitHttp.json(inEnglish).path("conditions").get(1).path("sentence").asString()).isEqualTo(
				"The woman is unmarried, divorced or widowed, with no marriage in force in the marriage register");
	}

	/** The identity cards and the photo, scanned at the window by the clerk. */
	String withScans(String marriage) {
		byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		String cards = this.uploads.store("clerk1", "身份证.pdf", new ByteArrayInputStream(pdf)).id().toString();
		String photo = this.uploads.store("clerk1", "合影.pdf", new ByteArrayInputStream(pdf)).id().toString();
		String json = marriage.strip();
		return json.substring(0, json.length() - 1)
				+ ",\"materials\":{\"identity-cards\":\"%s\",\"photos\":\"%s\"}}".formatted(cards, photo);
	}

	@Test
	void filesTheMarriageOfTwoPeopleWhoMayMarryAndLogsEachReadForTheCheck() {
		HttpResponse<String> filed = file("clerk1", withScans(MARRIAGE.formatted(LIU_YANG, LIU_YANG, CHEN_JING)));

		assertThat(filed.statusCode()).as(filed::body).isEqualTo(201);
		List<AccessEntry> reads = this.exchange.accessesTo(CHEN_JING, 50);
		assertThat(reads).anySatisfy((read) -> {
			assertThat(read.elements()).isEqualTo("marriage.status");
			assertThat(read.actor()).isEqualTo("clerk1");
			assertThat(read.purpose()).contains("eligibility.purpose", "内地居民结婚登记");
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void refusesTheTransferOfAFlatThatMayNotBeSoldNamingTheCondition(String sentence, String seller,
			String certificateNo, String condition) {
		assertThat(failedConditions(file("clerk1", FLAT_SALE.formatted(seller, certificateNo))))
			.containsExactly(condition);
	}

	static Stream<Arguments> refusesTheTransferOfAFlatThatMayNotBeSoldNamingTheCondition() {
		return Stream.of(arguments("refuses the transfer of a seized flat", SUN_LEI, SEIZED_FLAT, "propertyNotSeized"),
				arguments("refuses the transfer of a flat under an objection registration", WU_TING, OBJECTED_FLAT,
						"noObjectionRegistered"),
				arguments("refuses the transfer of a mortgaged flat without the mortgagee's consent", ZHENG_QIANG,
						MORTGAGED_FLAT, "mortgageReleasedOrConsented"),
				arguments("refuses the transfer of a flat the seller does not own", SUN_LEI, OBJECTED_FLAT,
						"sellerIsRegisteredOwner"));
	}

	@Test
	void filesTheTransferOfAMortgagedFlatWhoseMortgageeConsented() {
		HttpResponse<String> filed = file("clerk1", FLAT_SALE.formatted(FENG_XUE, CONSENTED_FLAT));

		assertThat(filed.statusCode()).as(filed::body).isEqualTo(201);
	}

	@Test
	void theFlatOfZhangSanAndWangFangStaysTransferable() {
		HttpResponse<String> filed = file("applicant1", """
				{"bundleCode":"flat-transfer","applicant":{"residentId":"339902198503120016"},
				 "form":{"sellerId":"339902198503120016","sellerName":"张三","buyerId":"339903199007180029",
				         "buyerName":"李四","certificateNo":"浙(2020)示范市不动产权第0012345号",
				         "address":"示范市东湖区湖滨路18号3幢502室","price":1850000,"paymentMethod":"商业贷款"}}
				""");

		assertThat(filed.statusCode()).as(filed::body).isEqualTo(201);
		// the flat is one object: a matter left open would refuse the next test's filing
		OneVisitHttp http = this.server.http();
		assertThat(http
			.postJson("/api/v1/applications/" + OneVisitHttp.json(filed).path("id").asString() + "/withdrawal", "{}",
					"Authorization", "Bearer " + http.bearerToken("applicant1", "onevisit-demo"))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesATaxRecordAboutSomeoneElse() {
		HttpResponse<String> refused = file("applicant1", """
				{"itemCode":"339900-TAX-005","applicant":{"residentId":"339902198503120016"},
				 "form":{"taxpayerId":"339903199007180029","from":"2026-01-01","to":"2026-10-31"}}
				""");

		assertThat(failedConditions(refused)).containsExactly("subjectIsFiler");
		assertThat(this.exchange.accessesTo(LI_SI, 200)).filteredOn((read) -> read.actor().equals("applicant1"))
			.noneSatisfy((read) -> assertThat(read.purpose()).contains("开具个人所得税纳税记录"));
	}

	@Test
	void theApplyPageNamesEveryFailedConditionWithItsBasis() {
		OneVisitHttp applicant = this.server.signedIn("applicant1");
		java.util.Map<String, String> inputs = OneVisitHttp.declared(
				OneVisitHttp.formInputs(org.jsoup.Jsoup.parse(applicant.get("/apply/items/339900-TAX-005").body())));
		inputs.put("field.taxpayerId", LI_SI);
		inputs.put("field.from", "2026-01-01");
		inputs.put("field.to", "2026-10-31");

		HttpResponse<String> page = applicant.postMultipart("/apply/items/339900-TAX-005", inputs, java.util.Map.of());

		assertThat(org.jsoup.Jsoup.parse(page.body()).select("#ineligible").text()).contains("有 1 项办理条件不满足",
				"纳税人是申请人本人：只能开具本人的纳税记录", "依据：《中华人民共和国税收征收管理法》第八条");
	}

	String newborn(String filer, String mother) {
		String born = ResidentId
			.of(this.server.registries()
				.subjectsMatching("population.identity", (record) -> "钱小禾".equals(record.get("name")))
				.get(0))
			.birthDate()
			.toString();
		return """
				{"bundleCode":"newborn","applicant":{"residentId":"%s"},
				 "form":{"childName":"钱小禾","birthDate":"%s","motherId":"%s","fatherId":"339903199301300052",
				         "householdAddress":"示范市西山区西山大道9号7幢203室"}}
				""".formatted(filer, born, mother);
	}

	@Test
	void refusesABirthFiledBySomeoneWhoIsNotAParent() {
		HttpResponse<String> refused = file("applicant2", newborn(LI_SI, ZHAO_MIN));

		assertThat(failedConditions(refused)).containsExactly("filerIsParent");
	}

	@Test
	void filesABirthFiledByAParent() {
		HttpResponse<String> filed = file("clerk1", newborn(QIAN_WEI, ZHAO_MIN));

		assertThat(filed.statusCode()).as(filed::body).isEqualTo(201);
	}

	/**
	 * Two items with one condition on the filer's own data and no other person in their
	 * forms, so that they go straight to a reviewer: the social security card in order (a
	 * registry no other test here stops), and the filer unmarried: own-data-items.yaml
	 * beside this class in the test resources.
	 */
	static String ownDataItems() throws IOException {
		return new ClassPathResource("own-data-items.yaml", EligibilityTests.class)
			.getContentAsString(StandardCharsets.UTF_8);
	}

	HttpResponse<String> fileOwnData(String item, String filer) {
		return file("clerk1", """
				{"itemCode":"%s","applicant":{"residentId":"%s"},"form":{"note":"测试"}}
				""".formatted(item, filer));
	}

	@Test
	void sendsToAReviewerWhenTheRegistryIsDown() throws IOException {
		this.catalogue.importCatalogue("eligibility-test.yaml", new StringReader(ownDataItems()), "admin1");
		this.server.registries().stop("socialSecurity");
		HttpResponse<String> filed;
		try {
			filed = fileOwnData("339900-HRSS-T01", LIU_YANG);
		}
		finally {
			this.server.registries().start("socialSecurity");
		}

		assertThat(filed.statusCode()).as(filed::body).isEqualTo(201);
		JsonNode application = OneVisitHttp.json(filed);
		assertThat(application.path("status").asString()).isEqualTo("IN_REVIEW");
		OneVisitHttp http = this.server.http();
		JsonNode history = OneVisitHttp
			.json(http.get("/api/v1/applications/" + application.path("id").asString() + "/history", "Authorization",
					"Bearer " + http.bearerToken("clerk1", "onevisit-demo")));
		assertThat(history.valueStream().map((entry) -> entry.path("reason").asString()))
			.anySatisfy((reason) -> assertThat(reason).startsWith("办理条件无法确认，转人工审核").contains("社会保障卡状态正常：无法确认"));
	}

	@Test
	void refusesTheLastApprovalWhileAConditionFails() throws IOException {
		this.catalogue.importCatalogue("eligibility-test.yaml", new StringReader(ownDataItems()), "admin1");
		// 钱伟 is married; his marriage record looks two years old at filing, so that the
		// condition cannot be confirmed then, and is current again at the approval
		this.server.registries().backdate("marriage.status", QIAN_WEI, Instant.now().minus(Duration.ofDays(800)));
		HttpResponse<String> filed;
		try {
			filed = fileOwnData("339900-CIVIL-T01", QIAN_WEI);
		}
		finally {
			this.server.registries().backdate("marriage.status", QIAN_WEI, Instant.now());
		}
		assertThat(filed.statusCode()).as(filed::body).isEqualTo(201);
		String task = OneVisitHttp.json(filed).path("tasks").get(0).path("id").asString();
		OneVisitHttp api = this.server.http();

		HttpResponse<String> refused = api.postJson("/api/v1/tasks/" + task + "/decisions",
				"{\"decision\":\"APPROVE\"}", "Authorization",
				"Bearer " + api.bearerToken("reviewer-civil", "onevisit-demo"));

		assertThat(failedConditions(refused)).containsExactly("filerHasNoSpouse");
		OneVisitHttp reviewer = this.server.signedIn("reviewer-civil");
		String caseFile = reviewer.get("/review/tasks/" + task).body();
		assertThat(org.jsoup.Jsoup.parse(caseFile).select("#eligibility-panel").text()).contains("办理条件核验", "不满足",
				"申请人未婚、离异或丧偶：否（民政婚姻登记信息库", "依据：《中华人民共和国民法典》第一千零四十二条");
		HttpResponse<String> posted = reviewer.postForm("/review/tasks/" + task + "/decision",
				"decision=APPROVE&taskVersion=0&_csrf="
						+ URLEncoder.encode(OneVisitHttp.csrfTokenOf(caseFile), StandardCharsets.UTF_8));
		assertThat(posted.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/review/tasks/" + task));
		assertThat(reviewer.get("/review/tasks/" + task).body()).contains("有 1 项办理条件不满足：申请人未婚、离异或丧偶。");
		JsonNode current = OneVisitHttp
			.json(api.get("/api/v1/applications/" + OneVisitHttp.json(filed).path("id").asString(), "Authorization",
					"Bearer " + api.bearerToken("clerk1", "onevisit-demo")));
		assertThat(current.path("status").asString()).isEqualTo("IN_REVIEW");
	}

}
