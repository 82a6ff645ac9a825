package org.onevisit;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.onevisit.registries.RegistryControl;
import tools.jackson.databind.JsonNode;

/**
 * Matters filed and decided through the API, for tests of what follows a filing: the flat
 * transfer of the demo seller (applicant1), each department approving in turn. Each
 * filing of the flat transfer files a flat the property registry registers for it (张三 and
 * 王芳, half each, sold to 李四), so that tests do not share one flat: a second matter on a
 * flat is refused while one is open ({@code duplicate_matter}), and an approved one moves
 * the flat to the buyer.
 */
public final class Matters {

	public static final String SELLER = "339902198503120016";

	public static final String WIFE = "33990319870602934X";

	public static final String BUYER = "339903199007180029";

	private static final String FLAT_TRANSFER = """
			{"bundleCode":"flat-transfer","applicant":{"residentId":"339902198503120016"},
			 "form":{"sellerId":"339902198503120016","sellerName":"张三","buyerId":"339903199007180029",
			         "buyerName":"李四","certificateNo":"%s",
			         "address":"%s","price":1250000,"paymentMethod":"商业贷款"}}
			""";

	private static final String TAX_RECORD = """
			{"itemCode":"339900-TAX-005","applicant":{"residentId":"%s"},
			 "form":{"taxpayerId":"%s","from":"2026-01-01","to":"2026-10-31"}}
			""";

	/**
	 * The API body of a taxpayer's 开具个人所得税纳税记录 for 2026 up to October, an item approved
	 * instantly when its rules hold.
	 */
	public static String taxRecord(String taxpayer) {
		return TAX_RECORD.formatted(taxpayer, taxpayer);
	}

	/** The API body of the seller's flat transfer of this flat. */
	public static String flatTransfer(RegistryControl.Flat flat) {
		return flatTransfer(flat.certificateNo(), flat.address());
	}

	/**
	 * The API body of the seller's flat transfer of the flat with this certificate, at
	 * this address as the applicant wrote it.
	 */
	public static String flatTransfer(String certificateNo, String address) {
		return FLAT_TRANSFER.formatted(certificateNo, address);
	}

	/**
	 * A new flat of 张三's and 王芳's (half each) in the property registry, with its sale to
	 * 李四 filed with housing and his deed tax declaration open: what the flat transfer
	 * reads. Its address is unique, so that tests that count their own filings can mark
	 * them by it.
	 */
	public static RegistryControl.Flat mintFlat(RegistryControl registries) {
		return mintFlat(registries, "东湖区");
	}

	/**
	 * The same, a flat in the district named (东湖区 or 西山区): the property registry records
	 * the county it lies in, whose registration office handles a matter about it.
	 */
	public static RegistryControl.Flat mintFlat(RegistryControl registries, String district) {
		RegistryControl.Flat flat = registries.registerFlat(
				List.of(new RegistryControl.Share(SELLER, 50), new RegistryControl.Share(WIFE, 50)),
				"示范市" + district + "测试路" + UUID.randomUUID().toString().substring(0, 8) + "号", 89.5,
				LocalDate.of(2019, 4, 16));
		registries.fileSaleContract(flat.certificateNo(), BUYER, 1_250_000);
		return flat;
	}

	private final OneVisitHttp http;

	private final RegistryControl registries;

	/** For tests that decide or read matters, and file no flat transfer. */
	public Matters(OneVisitHttp http) {
		this(http, null);
	}

	/**
	 * For tests that file the flat transfer: the registry registers a flat per filing.
	 */
	public Matters(OneVisitHttp http, RegistryControl registries) {
		this.http = http;
		this.registries = registries;
	}

	/** A new flat of the seller's, for a test that files it itself. */
	public RegistryControl.Flat mintFlat() {
		if (this.registries == null) {
			throw new IllegalStateException("filing a flat needs the property registry: new Matters(http, registries)");
		}
		return mintFlat(this.registries);
	}

	/**
	 * Files the seller's flat transfer of a new flat and has its parties (王芳 and the
	 * buyer) confirm it, so that it is under review; answers the application as the API
	 * returns it then.
	 */
	public JsonNode fileFlatTransfer() {
		return confirmAsParties(fileFlatTransferAwaitingParties());
	}

	/**
	 * Files the seller's flat transfer of a new flat as it stands before its parties
	 * confirm.
	 */
	public JsonNode fileFlatTransferAwaitingParties() {
		return file(mintFlat());
	}

	/** Files the seller's flat transfer of this flat, before its parties confirm. */
	public JsonNode file(RegistryControl.Flat flat) {
		HttpResponse<String> filed = this.http.postJson("/api/v1/applications", flatTransfer(flat), "Authorization",
				bearer("applicant1"), "Idempotency-Key", UUID.randomUUID().toString());
		if (filed.statusCode() != 201) {
			throw new IllegalStateException("filing failed: " + filed.body());
		}
		return OneVisitHttp.json(filed);
	}

	/** The smallest PDF the upload checks take, as an applicant's scan. */
	public static byte[] aPdf() {
		return "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
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
	 * separated from, as 登簿 from 受理) is done by the centre's second registrar
	 * ({@code reviewer-nr2}, {@code reviewer-nr2-339903}).
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
							bearer(secondRegistrar(department)));
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
	 * The demo's second registrar of a registration centre: reviewer-nr2,
	 * reviewer-nr2-339903.
	 */
	private static String secondRegistrar(String department) {
		return "reviewer-nr2" + department.substring("nr".length());
	}

	/**
	 * The reviewer of the task's department posts this decision on it through the API;
	 * answers the API's response.
	 */
	public HttpResponse<String> decide(JsonNode task, String decision) {
		return this.http.postJson("/api/v1/tasks/" + task.path("id").asString() + "/decisions", decision,
				"Authorization", bearer("reviewer-" + task.path("department").asString()));
	}

	/**
	 * The applicant pays the matter's whole order through the demo's simulated provider,
	 * as on the pages (the cashier's confirmation sends the signed callback); answers the
	 * application as it is then.
	 */
	public JsonNode payThroughTheSimulator(JsonNode application) {
		return payThroughTheSimulator(application, "applicant1");
	}

	/** The same, paid by the applicant who filed it under this username. */
	public JsonNode payThroughTheSimulator(JsonNode application, String username) {
		String id = application.path("id").asString();
		OneVisitHttp payer = OneVisitHttp.signedIn(this.http.port(), username);
		String page = "/my/applications/" + id + "/payment";
		HttpResponse<String> pay = payer.postForm(page, "_csrf=" + OneVisitHttp.csrfTokenOf(payer.get(page).body()));
		if (pay.statusCode() != 302) {
			throw new IllegalStateException("not payable: " + pay.body());
		}
		String cashier = pay.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", "");
		payer.postForm(cashier, "_csrf=" + OneVisitHttp.csrfTokenOf(payer.get(cashier).body()));
		return OneVisitHttp.json(this.http.get("/api/v1/applications/" + id, "Authorization", bearer("clerk1")));
	}

	/** The application's task of this department, as the API answers it. */
	public static JsonNode task(JsonNode application, String department) {
		for (JsonNode task : application.path("tasks")) {
			if (task.path("department").asString().equals(department)) {
				return task;
			}
		}
		throw new IllegalArgumentException("no task of " + department + " in " + application.path("id").asString());
	}

	/** The id of the application's task of this department. */
	public static String taskId(JsonNode application, String department) {
		return task(application, department).path("id").asString();
	}

	public String bearer(String username) {
		return this.http.bearer(username);
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
