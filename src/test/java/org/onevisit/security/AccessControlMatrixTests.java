package org.onevisit.security;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.Uploads;
import org.onevisit.benefits.Benefits;
import org.onevisit.feedback.Feedback;
import org.onevisit.identity.Actor;
import org.onevisit.partners.internal.Batches;
import org.onevisit.partners.internal.Mandates;
import org.onevisit.partners.internal.PartnerAdministration;
import org.onevisit.queues.Queues;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import org.onevisit.shared.WorkingDays;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access-control matrix, generated from every registered endpoint: each is public,
 * for a role, or about a resource someone owns. Another applicant, another department or
 * a role that has no business there reads and writes nothing: 403 or 404, never 200; the
 * owner reads their own. A new endpoint fails this test until it is classified here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlMatrixTests {

	/** Open to anyone, signed in or not. */
	static final List<String> PUBLIC = List.of("/", "/login", "/register", "/register/business", "/register/verify",
			"/register/verify/resend", "/recover", "/recover/reset",
			// the second step of a staff login: only a password login waiting for it gets
			// there (StaffSecondFactorTests)
			"/login/second-factor", "/login/second-factor/enrol", "/error", "/guides", "/guides/items/{code}",
			"/guides/bundles/{code}", "/catalogue/indicators", "/verify", "/verify/licences/{id}", "/halls",
			"/api/v1/auth/token", "/api/v1/items", "/api/v1/items/{code}", "/api/v1/bundles", "/api/v1/bundles/{code}",
			"/api/v1/catalogue/indicators", "/api/v1/calendar/", "/api/v1/licences/keys", "/api/v1/keys",
			"/api/v1/keys/{name}", "/api/v1/licences/verify", "/api/v1/halls", "/api/v1/open-data/",
			"/api/v1/payments/callbacks/{provider}", "/api/v1/sms/receipts", "/v3/api-docs", "/swagger-ui",
			// the public transparency log: checkpoint, tiles, proofs, and witnesses'
			// cosignatures (accepted by signature, TransparencyLogTests)
			"/log/", "/api/v1/log/proofs/", "/api/v1/log/cosignatures");

	/**
	 * Paths for staff roles only: an applicant is refused (403) whatever the resource.
	 */
	static final Map<String, String> STAFF = Map.of("/hall", "clerk1", "/review", "reviewer-tax", "/supervision",
			"supervisor1", "/admin", "admin1", "/api/v1/admin", "admin1", "/api/v1/security-log", "supervisor1");

	@Autowired
	OneVisitServer server;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Uploads uploads;

	@Autowired
	Queues queues;

	@Autowired
	Feedback feedback;

	@Autowired
	Benefits benefits;

	@Autowired
	WorkingDays calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartnerAdministration partners;

	@Autowired
	Mandates mandates;

	@Autowired
	Batches batches;

	/** Each owned path variable's value, and who owns it and who must not reach it. */
	final Map<String, Owned> owned = new LinkedHashMap<>();

	record Owned(String id, String owner, List<String> strangers) {
	}

	@BeforeAll
	void resources() {
		Matters matters = this.server.matters();
		JsonNode filed = matters.fileFlatTransfer();
		String application = filed.path("id").asString();
		String taxTask = taskOf(filed, "tax");
		matters.approveAll(filed);
		// nothing is issued before it is paid
		matters.payThroughTheSimulator(filed);
		String licence = waitFor("select id::text from licences_licence where tracking_number = '"
				+ filed.path("trackingNo").asString() + "'");
		String upload = this.uploads
			.store("applicant1", "证明.pdf",
					new ByteArrayInputStream("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes()))
			.id()
			.toString();
		// the fee order, opened at filing
		OneVisitHttp seller = this.server.http();
		String payment = OneVisitHttp
			.json(seller.get("/api/v1/applications/" + application + "/payment", "Authorization",
					matters.bearer("applicant1")))
			.path("id")
			.asString();
		LocalDate day = this.calendar.addWorkingDays(LocalDate.now(), 5).date();
		String appointment = this.queues
			.book("city", null, day, this.queues.freeSlots("city", day).get(0), "applicant1", "张三")
			.id()
			.toString();
		this.feedback.rate(new ApplicationId(UUID.fromString(application)), 1, "矩阵测试差评", Actor.applicant("applicant1"));
		String rectification = waitFor("select id::text from feedback_rectification where department = 'tax' "
				+ "and application_id = '" + application + "'");
		this.benefits.switchOn("senior-bus-card", "admin1");
		this.benefits.run("senior-bus-card");
		String grant = waitFor("select id::text from benefits_grant where policy = 'senior-bus-card' limit 1");

		Owned matter = new Owned(application, "applicant1", List.of("applicant2", "business1"));
		for (String path : List.of("/my/applications/{id}/payment", "/my/applications/{id}/delivery",
				"/my/applications/{id}/rating", "/my/applications/{id}/supplement", "/my/applications/{id}/withdraw",
				"/pay/applications/{id}", "/approvals/applications/{id}", "/api/v1/applications/{id}/payment",
				"/api/v1/applications/{id}/supplements", "/api/v1/applications/{id}/withdrawal",
				"/api/v1/applications/{id}/payment/checkout")) {
			this.owned.put(path, matter);
		}
		// the buyer, a party to the sale, reads the matter and acts on nothing of it
		Owned concerning = new Owned(application, "applicant1", List.of("business1"));
		for (String path : List.of("/my/applications/{id}", "/my/applications/{id}/progress",
				"/my/applications/{id}/licences", "/api/v1/applications/{id}", "/api/v1/applications/{id}/history")) {
			this.owned.put(path, concerning);
		}
		// a part awaiting the buyer's confirmation: only he answers it
		JsonNode waiting = matters.fileFlatTransferAwaitingParties();
		String part = waiting.path("parties")
			.valueStream()
			.filter((party) -> party.path("state").asString().equals("PENDING"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		Owned confirmation = new Owned(part, "applicant2", List.of("applicant1", "business1"));
		this.owned.put("/my/confirmations/{id}", confirmation);
		this.owned.put("/my/confirmations/{id}/accept", new Owned(part, null, List.of("applicant1", "business1")));
		this.owned.put("/my/confirmations/{id}/decline", new Owned(part, null, List.of("applicant1", "business1")));
		this.owned.put("/api/v1/confirmations/{id}", new Owned(part, null, List.of("applicant1", "business1")));
		Owned task = new Owned(taxTask, "reviewer-tax", List.of("reviewer-health", "reviewer-civil"));
		this.owned.put("/review/tasks/{id}", task);
		this.owned.put("/review/tasks/{id}/decision", task);
		this.owned.put("/api/v1/tasks/{id}/decisions", task);
		this.owned.put("/pay/tasks/{task}/assessment", task);
		this.owned.put("/api/v1/tasks/{id}/assessment", task);
		Owned held = new Owned(licence, "applicant2", List.of("business1"));
		this.owned.put("/licences/{id}", held);
		this.owned.put("/api/v1/licences/{id}", held);
		Owned revocable = new Owned(licence, "reviewer-nr", List.of("reviewer-health", "reviewer-tax"));
		this.owned.put("/licences/{id}/revoke", revocable);
		this.owned.put("/api/v1/licences/{id}/revocation", revocable);
		this.owned.put("/my/uploads/{id}", new Owned(upload, "applicant1", List.of("applicant2")));
		this.owned.put("/api/v1/uploads/{id}", new Owned(upload, "applicant1", List.of("applicant2", "business1")));
		this.owned.put("/review/uploads/{id}", new Owned(upload, null, List.of("reviewer-tax")));
		Owned paying = new Owned(payment, "applicant1", List.of("applicant2"));
		this.owned.put("/pay/simulator/{payment}", paying);
		this.owned.put("/my/appointments/{id}/cancel", new Owned(appointment, null, List.of("applicant2")));
		this.owned.put("/review/rectifications/{id}", new Owned(rectification, null, List.of("reviewer-health")));
		this.owned.put("/my/benefits/{grant}/acceptance", new Owned(grant, null, List.of("applicant1")));
		// applicant1's own API token: nobody else revokes it
		OneVisitHttp holder = this.server.http();
		String bearer = "Bearer " + holder.bearerToken("applicant1", "onevisit-demo");
		String token = OneVisitHttp.json(holder.get("/api/v1/me/tokens", "Authorization", bearer))
			.path(0)
			.path("id")
			.asString();
		this.owned.put("/account/tokens/{id}/revoke", new Owned(token, null, List.of("applicant2", "clerk1")));
		this.owned.put("/api/v1/me/tokens/{id}/revocation", new Owned(token, null, List.of("applicant2", "clerk1")));
		// applicant1's mandate to a bank: only she reads its receipt or withdraws it
		String bank = this.partners.register("矩阵测试银行", "BANK", List.of("nr"), null, "admin1").clientId();
		String mandate = this.mandates
			.grant(Subject.person(ResidentId.of(Matters.SELLER)), bank, List.of("flat-transfer"), "矩阵测试",
					LocalDate.now().plusDays(5), "applicant1")
			.id()
			.toString();
		this.owned.put("/my/mandates/{id}/receipt",
				new Owned(mandate, "applicant1", List.of("applicant2", "business1")));
		this.owned.put("/my/mandates/{id}/withdrawal", new Owned(mandate, null, List.of("applicant2", "business1")));
		// a partner's webhook delivery: partners' tokens only, and never another
		// partner's
		// (WebhookDeliveryTests)
		this.owned.put("/api/v1/partner/webhooks/deliveries/{id}/replay",
				new Owned("msg_0", null, List.of("applicant2", "clerk1")));
		// a partner's batch: partners' tokens only, and never another partner's
		// (BatchIntakeTests)
		String batch = this.batches
			.receive(bank, Set.of("file:nr"), Batches.Format.CSV, "Idempotency-Key,itemCode\nmatrix-1,339900-NR-001\n",
					"matrix")
			.toString();
		for (String path : List.of("/api/v1/batches/{id}", "/api/v1/batches/{id}/results",
				"/api/v1/batches/{id}/errors")) {
			this.owned.put(path, new Owned(batch, null, List.of("applicant2", "clerk1")));
		}
		// only a clerk, with the person before them, lifts an account's limit
		this.owned.put("/api/v1/accounts/{username}/identity-verification",
				new Owned("applicant1", null, List.of("applicant2", "reviewer-tax", "admin1")));
	}

	@Test
	void everyEndpointIsClassifiedAndNoStrangerReachesAnOwnedResource() {
		Set<String> unclassified = new TreeSet<>();
		List<String> leaks = new ArrayList<>();
		Map<String, OneVisitHttp> sessions = new LinkedHashMap<>();
		Map<String, String> tokens = new LinkedHashMap<>();
		int checked = 0;
		for (Map.Entry<RequestMappingInfo, ?> mapping : this.mappings.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (isPublic(pattern) || staffOnly(pattern) != null && !this.owned.containsKey(pattern)) {
					if (staffOnly(pattern) != null) {
						checked += refusedToAnApplicant(pattern, methods, sessions, tokens, leaks);
					}
					continue;
				}
				Owned resource = this.owned.get(pattern);
				if (resource == null) {
					if (!pattern.contains("{")
							&& (pattern.startsWith("/my") || pattern.startsWith("/apply") || pattern.startsWith("/pay")
									|| pattern.startsWith("/api/v1/") || pattern.startsWith("/account")
									|| pattern.startsWith("/licences") || pattern.startsWith("/approvals"))) {
						// the signed-in person's own view: nothing of anyone else's to
						// name
						checked += refusedToAnonymous(pattern, methods, leaks);
						continue;
					}
					if (pattern.startsWith("/apply/")) {
						continue;
					}
					unclassified.add(methods + " " + pattern);
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]+}", resource.id());
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					for (String stranger : resource.strangers()) {
						int status = call(method, path, stranger, sessions, tokens);
						checked++;
						if (status != 403 && status != 404) {
							leaks.add(method + " " + path + " as " + stranger + ": " + status);
						}
					}
					if (method == RequestMethod.GET && resource.owner() != null) {
						int status = call(method, path, resource.owner(), sessions, tokens);
						if (status != 200) {
							leaks.add("the owner " + resource.owner() + " cannot read " + path + ": " + status);
						}
					}
				}
			}
		}
		assertThat(unclassified).as("endpoints nobody has classified in this matrix").isEmpty();
		assertThat(leaks).isEmpty();
		assertThat(checked).as("checks made").isGreaterThanOrEqualTo(45);
	}

	private int refusedToAnApplicant(String pattern, Set<RequestMethod> methods, Map<String, OneVisitHttp> sessions,
			Map<String, String> tokens, List<String> leaks) {
		String path = pattern.replaceAll("\\{kind[^}]*}", "items")
			.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
		int checked = 0;
		for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
			int status = call(method, path, "applicant2", sessions, tokens);
			checked++;
			if (status != 403 && status != 404) {
				leaks.add(method + " " + path + " as an applicant: " + status);
			}
		}
		return checked;
	}

	private int refusedToAnonymous(String pattern, Set<RequestMethod> methods, List<String> leaks) {
		int checked = 0;
		OneVisitHttp anonymous = this.server.http();
		for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
			HttpResponse<String> answer = (method == RequestMethod.GET) ? anonymous.get(pattern)
					: anonymous.post(pattern, "application/json", "{}");
			checked++;
			boolean refused = answer.statusCode() == 401 || answer.statusCode() == 403 || (answer.statusCode() == 302
					&& answer.headers().firstValue("Location").orElse("").endsWith("/login"));
			if (!refused) {
				leaks.add(method + " " + pattern + " anonymously: " + answer.statusCode());
			}
		}
		return checked;
	}

	private int call(RequestMethod method, String path, String who, Map<String, OneVisitHttp> sessions,
			Map<String, String> tokens) {
		if (path.startsWith("/api/")) {
			OneVisitHttp api = this.server.http();
			String token = tokens.computeIfAbsent(who, (user) -> "Bearer " + api.bearerToken(user, "onevisit-demo"));
			HttpResponse<String> answer = (method == RequestMethod.GET) ? api.get(path, "Authorization", token)
					: api.postJson(path, "{\"decision\":\"APPROVE\",\"reason\":\"x\"}", "Authorization", token,
							"Idempotency-Key", UUID.randomUUID().toString());
			return answer.statusCode();
		}
		OneVisitHttp page = sessions.computeIfAbsent(who, (user) -> this.server.signedIn(user));
		if (method == RequestMethod.GET) {
			return page.get(path).statusCode();
		}
		String csrf = OneVisitHttp.csrfTokenOf(page.get("/").body());
		return page.postForm(path, "_csrf=" + csrf + "&text=x&answer=x&reason=x&decision=APPROVE&taskVersion=0")
			.statusCode();
	}

	private static boolean isPublic(String pattern) {
		return PUBLIC.stream()
			.anyMatch((open) -> pattern.equals(open) || (open.endsWith("/") && pattern.startsWith(open))
					|| pattern.startsWith("/swagger-ui") || pattern.startsWith("/v3/api-docs"));
	}

	private static String staffOnly(String pattern) {
		return STAFF.keySet()
			.stream()
			.filter((prefix) -> pattern.equals(prefix) || pattern.startsWith(prefix + "/"))
			.findFirst()
			.orElse(null);
	}

	private static String taskOf(JsonNode application, String department) {
		for (JsonNode task : application.path("tasks")) {
			if (task.path("department").asString().equals(department)) {
				return task.path("id").asString();
			}
		}
		throw new IllegalStateException("no " + department + " task");
	}

	private String waitFor(String sql) {
		for (int attempt = 0; attempt < 100; attempt++) {
			List<String> found = this.jdbc.sql(sql).query(String.class).list();
			if (!found.isEmpty()) {
				return found.get(0);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		throw new IllegalStateException("nothing for " + sql);
	}

}
