package org.onevisit.applications.internal.web;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.Problems;
import org.onevisit.registries.RegistryControl;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The applications API as partners and the pages use it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationApiTests {

	// a flat per address a test writes: the same address names the same flat
	private final java.util.Map<String, RegistryControl.Flat> flats = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The API body of the seller's flat transfer of a new flat of his, as the applicant
	 * wrote its address: within a test, the same address is the same flat.
	 */
	String flatTransfer(String address) {
		return Matters
			.flatTransfer(this.flats.computeIfAbsent(address, (written) -> Matters.mintFlat(this.server.registries()))
				.certificateNo(), address);
	}

	@Autowired
	OneVisitServer server;

	/** A new visitor for each test. */
	@Autowired
	OneVisitHttp http;

	String seller;

	@BeforeEach
	void tokens() {
		this.seller = this.http.bearer("applicant1");
	}

	HttpResponse<String> submit(String key, String address) {
		return this.http.postJson("/api/v1/applications", flatTransfer(address), "Authorization", this.seller,
				"Idempotency-Key", key);
	}

	@Test
	void everyApplicantKindFilesEveryItemAndBundleWithoutAServerError() {
		// a person for themselves, a business account for its business: each item and
		// bundle
		// answers a filing, however incomplete, with a problem or a matter, never a 500
		java.util.Map<String, String> applicants = java.util.Map.of("applicant1",
				"{\"residentId\":\"" + Matters.SELLER + "\"}", "business1", "{\"creditCode\":\"91339900MA2H5T7K0B\"}");
		java.util.List<String> targets = new java.util.ArrayList<>();
		OneVisitHttp.json(this.http.get("/api/v1/items"))
			.forEach((item) -> targets.add("\"itemCode\":\"" + item.path("code").asString() + "\""));
		OneVisitHttp.json(this.http.get("/api/v1/bundles"))
			.forEach((bundle) -> targets.add("\"bundleCode\":\"" + bundle.path("code").asString() + "\""));
		assertThat(targets).hasSizeGreaterThan(30);

		applicants.forEach((username, applicant) -> {
			String token = this.http.bearer(username);
			for (String target : targets) {
				HttpResponse<String> filed = this.http.postJson("/api/v1/applications",
						"{" + target + ",\"applicant\":" + applicant + ",\"form\":{}}", "Authorization", token,
						"Idempotency-Key", UUID.randomUUID().toString());
				assertThat(filed.statusCode()).as(username + " " + target + ": " + filed.body())
					.isIn(201, 400, 403, 409, 422);
				if (filed.statusCode() != 201) {
					assertThat(OneVisitHttp.json(filed).path("code").asString()).as(target).isNotBlank();
				}
			}
		});
	}

	@Autowired
	org.onevisit.applications.Uploads uploads;

	/**
	 * A value the form's JSON Schema accepts for the property: the business's own credit
	 * code, its legal representative's ID, the first option.
	 */
	static Object filler(JsonNode property) {
		String format = property.path("format").asString();
		if (property.has("enum")) {
			return property.path("enum").get(0).asString();
		}
		return switch (property.path("type").asString()) {
			case "number" -> 1;
			case "boolean" -> true;
			default -> switch (format) {
				case "resident-id" -> Matters.SELLER;
				case "credit-code" -> "91339900MA2H5T7K0B";
				case "date" -> java.time.LocalDate.now().toString();
				default -> property.path("pattern").asString().contains("{28}") ? "3".repeat(28) : "示范内容";
			};
		};
	}

	@Test
	void aBusinessFilesEveryItemOfferedToBusinessesAndIsToldByNameWhichAreNot() {
		String business = this.http.bearer("business1");
		java.util.List<String> offered = new java.util.ArrayList<>();
		java.util.List<String> businessOnly = new java.util.ArrayList<>();
		for (JsonNode summary : OneVisitHttp.json(this.http.get("/api/v1/items"))) {
			String code = summary.path("code").asString();
			JsonNode guide = OneVisitHttp.json(this.http.get("/api/v1/items/" + code));
			java.util.List<String> applicants = guide.path("applicants").valueStream().map(JsonNode::asString).toList();
			if (!applicants.contains("business")) {
				HttpResponse<String> refused = this.http.postJson("/api/v1/applications",
						"{\"itemCode\":\"" + code
								+ "\",\"applicant\":{\"creditCode\":\"91339900MA2H5T7K0B\"},\"form\":{}}",
						"Authorization", business, "Idempotency-Key", UUID.randomUUID().toString());
				assertThat(refused.statusCode()).as(code).isEqualTo(422);
				assertThat(OneVisitHttp.json(refused).path("code").asString()).as(code)
					.isEqualTo("applicant_kind_not_offered");
				assertThat(OneVisitHttp.json(refused).path("detail").asString())
					.contains(guide.path("name").asString());
				continue;
			}
			offered.add(code);
			if (!applicants.contains("person")) {
				businessOnly.add(code);
			}
			// the form as the enterprise registry fills it, the rest as the schema allows
			JsonNode prefilled = OneVisitHttp.json(this.http.postJson("/api/v1/prefills",
					"{\"itemCode\":\"" + code + "\",\"applicant\":{\"creditCode\":\"91339900MA2H5T7K0B\"},\"form\":{}}",
					"Authorization", business));
			java.util.Map<String, Object> form = new java.util.LinkedHashMap<>();
			prefilled.path("form")
				.properties()
				.forEach((entry) -> form.put(entry.getKey(), entry.getValue().asString()));
			guide.path("form").path("properties").properties().forEach((entry) -> {
				if (form.get(entry.getKey()) == null || form.get(entry.getKey()).toString().isBlank()) {
					form.put(entry.getKey(), filler(entry.getValue()));
				}
			});
			java.util.Map<String, String> materials = new java.util.LinkedHashMap<>();
			guide.path("materials")
				.valueStream()
				.filter((material) -> material.path("source").asString().equals("UPLOAD"))
				.forEach((material) -> materials.put(material.path("code").asString(),
						this.uploads.store("business1", "材料.pdf", new java.io.ByteArrayInputStream(Matters.aPdf()))
							.id()
							.toString()));
			java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
			body.put("itemCode", code);
			body.put("applicant", java.util.Map.of("creditCode", "91339900MA2H5T7K0B"));
			body.put("form", form);
			body.put("materials", materials);
			HttpResponse<String> filed = this.http.postJson("/api/v1/applications",
					tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body), "Authorization",
					business, "Idempotency-Key", UUID.randomUUID().toString());

			assertThat(filed.statusCode()).as(code + ": " + filed.body()).isEqualTo(201);
		}
		assertThat(offered).contains("339900-SAMR-003", "339900-SAMR-004", "339900-TAX-003", "339900-FIRE-001");

		// and a person is told by name that a business's own item is not theirs to file
		for (String code : businessOnly) {
			HttpResponse<String> refused = this.http.postJson("/api/v1/applications",
					"{\"itemCode\":\"" + code + "\",\"applicant\":{\"residentId\":\"" + Matters.SELLER
							+ "\"},\"form\":{}}",
					"Authorization", this.seller, "Idempotency-Key", UUID.randomUUID().toString());
			assertThat(OneVisitHttp.json(refused).path("code").asString()).as(code)
				.isEqualTo("applicant_kind_not_offered");
		}
		assertThat(businessOnly).contains("339900-SAMR-004", "339900-NR-004");
	}

	@Test
	void aBusinessAccountFilesForItsBusinessButNotForAnother() {
		String business = this.http.bearer("business1");
		String change = "{\"itemCode\":\"339900-SAMR-004\",\"applicant\":{\"creditCode\":\"%s\"},"
				+ "\"form\":{\"companyCode\":\"%s\",\"changeKind\":\"住所\",\"newValue\":\"示范市西山区新址路2号\"}}";

		HttpResponse<String> own = this.http.postJson("/api/v1/applications",
				change.formatted("91339900MA2H5T7K0B", "91339900MA2H5T7K0B"), "Authorization", business,
				"Idempotency-Key", UUID.randomUUID().toString());
		HttpResponse<String> another = this.http.postJson("/api/v1/applications",
				change.formatted(org.onevisit.shared.CreditCode.completing("91339900MA2H5T9X").value(),
						"91339900MA2H5T7K0B"),
				"Authorization", business, "Idempotency-Key", UUID.randomUUID().toString());

		// the change needs the shareholders' resolution, which only an upload gives
		assertThat(own.statusCode()).as(own.body()).isEqualTo(422);
		assertThat(OneVisitHttp.json(own).path("code").asString()).isNotEqualTo("subject_not_yours");
		assertThat(another.statusCode()).isEqualTo(403);
		assertThat(OneVisitHttp.json(another).path("code").asString()).isEqualTo("subject_not_yours");
	}

	@Test
	void filesABundleAsParallelTasksAndLetsEachDepartmentDecideItsOwn() {
		HttpResponse<String> created = submit(UUID.randomUUID().toString(), "东湖区示范路11号");
		JsonNode application = OneVisitHttp.json(created);

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith(application.path("id").asString()));
		assertThat(application.path("trackingNo").asString()).startsWith("339900-");
		assertThat(application.path("tasks")).hasSize(3);
		assertThat(application.path("tasks").get(0).path("committedDue").asString()).isNotBlank();

		assertThat(application.path("status").asString()).isEqualTo("AWAITING_PARTIES");
		new Matters(this.http).confirmAsParties(application);
		HttpResponse<String> decided = this.http.postJson(
				"/api/v1/tasks/" + Matters.taskId(application, "tax") + "/decisions", "{\"decision\":\"APPROVE\"}",
				"Authorization", this.http.bearer("reviewer-tax"));
		assertThat(decided.statusCode()).isEqualTo(200);
		assertThat(OneVisitHttp.json(decided).path("status").asString()).isEqualTo("IN_REVIEW");

		HttpResponse<String> stranger = this.http.postJson(
				"/api/v1/tasks/" + Matters.taskId(application, "nr") + "/decisions", "{\"decision\":\"APPROVE\"}",
				"Authorization", this.http.bearer("reviewer-health"));
		assertThat(stranger.statusCode()).isEqualTo(404);
		assertThat(OneVisitHttp.json(stranger).path("code").asString()).isEqualTo("task_not_found");
	}

	@Test
	void refusesAHallOnlyItemOnlineNamingWhereToGoAndWhatToBring() {
		String marriage = """
				{"itemCode":"339900-CIVIL-001","applicant":{"residentId":"339902198503120016"},
				 "form":{"partyAId":"339902198503120016","partyBId":"339903199007180029","appointmentDate":"2026-12-20"}}
				""";

		HttpResponse<String> refused = this.http.postJson("/api/v1/applications", marriage, "Authorization",
				this.seller, "Idempotency-Key", UUID.randomUUID().toString(), "Accept-Language", "zh-CN");

		JsonNode problem = Problems.assertProblem(refused, 422, "channel_not_offered");
		assertThat(problem.path("halls").valueStream().map((hall) -> hall.path("code").asString())).contains("city",
				"east", "west");
		assertThat(problem.path("bring").valueStream().map(JsonNode::asString)).containsExactly("双方身份证", "双方合影照片");
		assertThat(problem.path("detail").asString()).contains("内地居民结婚登记", "示范市政务服务中心", "示范市市民大道 100 号", "双方身份证");
	}

	@Test
	void aDifferentKeyForTheSameFlatGetsDuplicateMatterNamingTheFirstTrackingNumber() {
		JsonNode first = OneVisitHttp.json(submit(UUID.randomUUID().toString(), "东湖区重复路11号"));

		HttpResponse<String> second = submit(UUID.randomUUID().toString(), "东湖区重复路11号");

		assertThat(second.statusCode()).isEqualTo(409);
		JsonNode problem = OneVisitHttp.json(second);
		assertThat(problem.path("code").asString()).isEqualTo("duplicate_matter");
		assertThat(problem.path("trackingNumber").asString()).isEqualTo(first.path("trackingNo").asString());
		assertThat(problem.path("detail").asString()).contains(first.path("trackingNo").asString());
	}

	@Test
	void answersTheThreeIdempotencyCases() {
		String key = UUID.randomUUID().toString();

		HttpResponse<String> first = submit(key, "东湖区示范路12号");
		HttpResponse<String> repeat = submit(key, "东湖区示范路12号");
		HttpResponse<String> different = submit(key, "东湖区示范路13号");
		HttpResponse<String> noKey = this.http.postJson("/api/v1/applications", flatTransfer("x"), "Authorization",
				this.seller);

		assertThat(OneVisitHttp.json(repeat).path("id")).isEqualTo(OneVisitHttp.json(first).path("id"));
		assertThat(different.statusCode()).isEqualTo(422);
		assertThat(OneVisitHttp.json(different).path("code").asString()).isEqualTo("idempotency_key_reused");
		assertThat(noKey.statusCode()).isEqualTo(400);
		assertThat(OneVisitHttp.json(noKey).path("code").asString()).isEqualTo("header_missing");
		assertThat(OneVisitHttp.json(noKey).path("detail").asString()).contains("Idempotency-Key");
	}

	@Test
	void hidesAnApplicationFromEveryoneButItsApplicantItsPartiesAndItsDepartments() {
		String id = OneVisitHttp.json(submit(UUID.randomUUID().toString(), "东湖区示范路14号")).path("id").asString();

		assertThat(this.http.get("/api/v1/applications/" + id, "Authorization", this.http.bearer("business1"))
			.statusCode()).isEqualTo(404);
		// the buyer is a party to the sale
		assertThat(this.http.get("/api/v1/applications/" + id, "Authorization", this.http.bearer("applicant2"))
			.statusCode()).isEqualTo(200);
		assertThat(this.http.get("/api/v1/applications/" + id, "Authorization", this.http.bearer("reviewer-health"))
			.statusCode()).isEqualTo(404);
		assertThat(this.http.get("/api/v1/applications/" + id, "Authorization", this.http.bearer("reviewer-tax"))
			.statusCode()).isEqualTo(200);
		assertThat(this.http.get("/api/v1/applications", "Authorization", this.seller).body()).contains(id);
		assertThat(this.http.get("/api/v1/applications", "Authorization", this.http.bearer("business1")).body())
			.doesNotContain(id);
	}

	@Test
	void refusesASecondDecisionOnTheTaskVersionAlreadyDecided() {
		JsonNode application = new Matters(this.http)
			.confirmAsParties(OneVisitHttp.json(submit(UUID.randomUUID().toString(), "东湖区示范路15号")));
		String tax = Matters.taskId(application, "tax");
		long seen = Matters.task(application, "tax").path("version").asLong();
		String body = "{\"decision\":\"APPROVE\",\"taskVersion\":" + seen + "}";

		HttpResponse<String> first = this.http.postJson("/api/v1/tasks/" + tax + "/decisions", body, "Authorization",
				this.http.bearer("reviewer-tax"));
		HttpResponse<String> second = this.http.postJson("/api/v1/tasks/" + tax + "/decisions", body, "Authorization",
				this.http.bearer("reviewer-tax"));

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(OneVisitHttp.json(second).path("code").asString()).isEqualTo("task_changed");
	}

	@Test
	void namesEveryInvalidFieldAndRefusesFilingForSomeoneElse() {
		HttpResponse<String> invalid = this.http.postJson("/api/v1/applications",
				flatTransfer("").replace("339903199007180029", "339903199007180028"), "Authorization", this.seller,
				"Idempotency-Key", UUID.randomUUID().toString());
		HttpResponse<String> forSomeoneElse = this.http.postJson("/api/v1/applications",
				flatTransfer("西山区1号").replace("\"residentId\":\"339902198503120016\"",
						"\"residentId\":\"339903199007180029\""),
				"Authorization", this.seller, "Idempotency-Key", UUID.randomUUID().toString());

		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(OneVisitHttp.json(invalid).path("code").asString()).isEqualTo("form_invalid");
		assertThat(
				OneVisitHttp.json(invalid).path("errors").valueStream().map((error) -> error.path("field").asString()))
			.containsExactly("buyerId", "address");
		assertThat(forSomeoneElse.statusCode()).isEqualTo(403);
		assertThat(OneVisitHttp.json(forSomeoneElse).path("code").asString()).isEqualTo("subject_not_yours");
	}

}
