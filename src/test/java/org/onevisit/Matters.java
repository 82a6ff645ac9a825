package org.onevisit;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Matters filed and decided through the API, for tests of what follows a filing: the flat
 * transfer of the demo seller (applicant1), each department approving in turn.
 */
public final class Matters {

	private static final String FLAT_TRANSFER = """
			{"bundleCode":"flat-transfer","applicant":{"residentId":"339902198503120016"},
			 "form":{"sellerId":"339902198503120016","sellerName":"张三","buyerId":"339903199007180029",
			         "buyerName":"李四","certificateNo":"浙(2020)示范市不动产权第0012345号",
			         "address":"%s","price":1250000,"paymentMethod":"商业贷款"}}
			""";

	/**
	 * The API body of the seller's flat transfer, at this address: tests that count their
	 * own filings mark them by it.
	 */
	public static String flatTransfer(String address) {
		return FLAT_TRANSFER.formatted(address);
	}

	private final OneVisitHttp http;

	public Matters(OneVisitHttp http) {
		this.http = http;
	}

	/**
	 * Withdraws the seller's flat transfers still in progress, left by earlier tests in
	 * the same application context: the register has one flat of 张三's, and a second
	 * matter on it is refused while one is open ({@code duplicate_matter}). Call it
	 * before a test files that flat.
	 */
	public void freeTheDemoFlat() {
		String seller = bearer("applicant1");
		for (JsonNode application : OneVisitHttp.json(this.http.get("/api/v1/applications", "Authorization", seller))) {
			String status = application.path("status").asString();
			if ("flat-transfer".equals(application.path("bundleCode").asString())
					&& List.of("AWAITING_PARTIES", "IN_REVIEW", "WAITING_FOR_SUPPLEMENT", "AWAITING_PAYMENT")
						.contains(status)) {
				HttpResponse<String> withdrawn = this.http.postJson(
						"/api/v1/applications/" + application.path("id").asString() + "/withdrawal", "{}",
						"Authorization", seller);
				if (withdrawn.statusCode() != 200) {
					throw new IllegalStateException("withdrawal failed: " + withdrawn.body());
				}
			}
		}
	}

	/**
	 * Files the seller's flat transfer and has its parties (the buyer) confirm it, so
	 * that it is under review; answers the application as the API returns it then.
	 */
	public JsonNode fileFlatTransfer() {
		return confirmAsParties(fileFlatTransferAwaitingParties());
	}

	/**
	 * Files the seller's flat transfer as it stands before its parties confirm.
	 */
	public JsonNode fileFlatTransferAwaitingParties() {
		HttpResponse<String> filed = this.http.postJson("/api/v1/applications",
				flatTransfer("示范市测试路" + UUID.randomUUID().toString().substring(0, 8) + "号"), "Authorization",
				bearer("applicant1"), "Idempotency-Key", UUID.randomUUID().toString());
		if (filed.statusCode() != 201) {
			throw new IllegalStateException("filing failed: " + filed.body());
		}
		return OneVisitHttp.json(filed);
	}

	/** The demo people who may be a matter's parties. */
	public static final List<String> PEOPLE = List.of("applicant1", "applicant2", "applicant3");

	/**
	 * Every demo person named as a party confirms the application through the API, as
	 * themselves; answers the application as it is then.
	 */
	public JsonNode confirmAsParties(JsonNode application) {
		String id = application.path("id").asString();
		for (String person : PEOPLE) {
			String token = bearer(person);
			JsonNode awaiting = OneVisitHttp.json(this.http.get("/api/v1/my/confirmations", "Authorization", token));
			for (JsonNode part : awaiting) {
				if (part.path("application").asString().equals(id)) {
					HttpResponse<String> confirmed = this.http.postJson(
							"/api/v1/confirmations/" + part.path("id").asString(), "{\"decision\":\"ACCEPT\"}",
							"Authorization", token);
					if (confirmed.statusCode() != 200) {
						throw new IllegalStateException("confirmation failed: " + confirmed.body());
					}
				}
			}
		}
		return OneVisitHttp.json(this.http.get("/api/v1/applications/" + id, "Authorization", bearer("clerk1")));
	}

	/**
	 * Every department approves its task through every step; answers the final state. A
	 * step its department's first reviewer may not do (they did an earlier step it is
	 * separated from, as 登簿 from 受理) is done by the second ({@code reviewer-nr2}).
	 */
	public JsonNode approveAll(JsonNode application) {
		JsonNode latest = application;
		for (JsonNode task : application.path("tasks")) {
			String department = task.path("department").asString();
			String reviewer = bearer("reviewer-" + department);
			for (int step = 0; step < 5 && !statusOf(latest, task.path("id").asString()).equals("APPROVED"); step++) {
				String path = "/api/v1/tasks/" + task.path("id").asString() + "/decisions";
				HttpResponse<String> decided = this.http.postJson(path, "{\"decision\":\"APPROVE\"}", "Authorization",
						reviewer);
				if (decided.statusCode() == 403 && decided.body().contains("same_person_not_allowed")) {
					decided = this.http.postJson(path, "{\"decision\":\"APPROVE\"}", "Authorization",
							bearer("reviewer-" + department + "2"));
				}
				if (decided.statusCode() != 200) {
					throw new IllegalStateException("approval failed: " + decided.body());
				}
				latest = OneVisitHttp.json(decided);
			}
		}
		return latest;
	}

	/**
	 * The applicant pays the matter's whole order through the demo's simulated provider,
	 * as on the pages (the cashier's confirmation sends the signed callback); answers the
	 * application as it is then.
	 */
	public JsonNode payThroughTheSimulator(JsonNode application) {
		String id = application.path("id").asString();
		OneVisitHttp payer = new OneVisitHttp(this.http.port());
		payer.logIn("applicant1", "onevisit-demo");
		String page = "/my/applications/" + id + "/payment";
		HttpResponse<String> pay = payer.postForm(page, "_csrf=" + OneVisitHttp.csrfTokenOf(payer.get(page).body()));
		if (pay.statusCode() != 302) {
			throw new IllegalStateException("not payable: " + pay.body());
		}
		String cashier = pay.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", "");
		payer.postForm(cashier, "_csrf=" + OneVisitHttp.csrfTokenOf(payer.get(cashier).body()));
		return OneVisitHttp.json(this.http.get("/api/v1/applications/" + id, "Authorization", bearer("clerk1")));
	}

	public String bearer(String username) {
		return "Bearer " + this.http.bearerToken(username, "onevisit-demo");
	}

	private static String statusOf(JsonNode application, String task) {
		for (JsonNode candidate : application.path("tasks")) {
			if (candidate.path("id").asString().equals(task)) {
				return candidate.path("status").asString();
			}
		}
		throw new IllegalArgumentException("no task " + task);
	}

}
