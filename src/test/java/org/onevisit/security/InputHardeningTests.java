package org.onevisit.security;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.Problems;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inputs and transport findings of issue 25, as an attacker sends them: control
 * characters, oversized and out-of-range values, duplicate JSON members, a forged 10 MB
 * payment callback, a catalogue import that is not multipart, a request that came over
 * TLS through the load balancer, and a 401 without its challenge. Each answered 500, was
 * accepted or went unmarked before.
 */
// the test client stands for the load balancer: its X-Forwarded-Proto is believed
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "onevisit.security.trusted-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
class InputHardeningTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	JdbcTemplate jdbc;

	/** A new visitor for each test. */
	@Autowired
	OneVisitHttp http;

	@Test
	void refusesANulCharacterInAJsonFormFieldWithAProblem() {
		String body = Matters.flatTransfer("浙(2021)示范市不动产权第0000001号", "示范路1号\\u0000");

		HttpResponse<String> refused = submit(body);

		Problems.assertProblem(refused, 400, "control_characters");
	}

	@Test
	void refusesOtherControlCharactersButKeepsLineBreaksAndTabs() {
		String escape = Matters.flatTransfer("浙(2021)示范市不动产权第0000001号", "示范路\\u001b[2J1号");
		String lines = Matters.flatTransfer("浙(2021)示范市不动产权第0000001号", "示范路\\n1号\\t2幢");

		assertThat(OneVisitHttp.json(submit(escape)).path("code").asString()).isEqualTo("control_characters");
		assertThat(OneVisitHttp.json(submit(lines)).path("code").asString()).isNotEqualTo("control_characters");
	}

	@Test
	void refusesANulCharacterInAComplaintAndAnEnquiryWithAMessageOnThePage() {
		this.http.logIn("applicant1", "onevisit-demo");

		String complaintToken = OneVisitHttp.csrfTokenOf(this.http.get("/my/complaints").body());
		HttpResponse<String> complaint = this.http.postForm("/my/complaints",
				"about=&text=%E6%8E%92%E9%98%9F%00%E5%A4%AA%E4%B9%85&_csrf=" + complaintToken);
		String enquiryToken = OneVisitHttp.csrfTokenOf(this.http.get("/my/enquiries").body());
		HttpResponse<String> enquiry = this.http.postForm("/my/enquiries",
				"question=%E5%87%A0%E7%82%B9%01%E4%B8%8A%E7%8F%AD&_csrf=" + enquiryToken);

		for (HttpResponse<String> refused : java.util.List.of(complaint, enquiry)) {
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("控制字符");
		}
	}

	@Test
	void refusesNegativeHugeAndInfiniteAmountsByTheFormsSchema() {
		// the catalogue gives a flat's price the range 1 to 10,000,000,000 yuan
		java.util.Map<String, String> expected = java.util.Map.of("-1", "price:below_minimum", "0.5",
				"price:below_minimum", "1e308", "price:above_maximum", "10000000001", "price:above_maximum");
		expected.forEach((price, code) -> {
			String body = Matters.flatTransfer("浙(2021)示范市不动产权第0000001号", "示范路1号")
				.replace("\"price\":1250000", "\"price\":" + price);

			HttpResponse<String> refused = submit(body);

			assertThat(refused.statusCode()).as(price).isEqualTo(422);
			assertThat(errors(refused)).as(price).contains(code);
		});
	}

	@Test
	void refusesATextLongerThanItsFieldAndAFormOfTenMegabytes() {
		String long_ = Matters.flatTransfer("浙(2021)示范市不动产权第0000001号", "示".repeat(2_001));
		String huge = Matters.flatTransfer("浙(2021)示范市不动产权第0000001号", "a".repeat(10 * 1024 * 1024));

		assertThat(errors(submit(long_))).contains("address:too_long");
		HttpResponse<String> refused = submit(huge);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(errors(refused)).contains("form:form_too_large");
	}

	@Test
	void refusesAJsonBodyThatNamesAMemberTwice() {
		String body = Matters.flatTransfer("浙(2021)示范市不动产权第0000001号", "示范路1号")
			.replaceFirst("\\{", "{\"bundleCode\":\"newborn\",");

		HttpResponse<String> refused = submit(body);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(OneVisitHttp.json(refused).path("code").asString()).isEqualTo("body_unreadable");
	}

	@Test
	void refusesAnAnonymousTenMegabytePaymentCallbackWithoutStoringIt() {
		long before = callbacksStored();
		String forged = "{\"payment\":\"" + UUID.randomUUID() + "\",\"pad\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";

		HttpResponse<String> refused = this.http.post("/api/v1/payments/callbacks/simulated", "application/json",
				forged, "X-Pay-Key-Id", "forged", "X-Pay-Signature", "AAAA");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(OneVisitHttp.json(refused).path("code").asString()).isEqualTo("payment_callback_too_large");
		assertThat(callbacksStored()).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select coalesce(max(length(body)), 0) from payments_callback", Long.class))
			.isLessThanOrEqualTo(64 * 1024);
	}

	@Test
	void aCatalogueImportThatIsNotMultipartIsTheSendersMistake() {
		this.http.logIn("admin1", "onevisit-demo");
		String token = OneVisitHttp.csrfTokenOf(this.http.get("/admin/catalogue").body());

		HttpResponse<String> refused = this.http.postForm("/admin/catalogue/import", "file=items.yaml&_csrf=" + token);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("没有收到要上传的文件");
	}

	@Test
	void everyUnauthorizedApiAnswerCarriesABearerChallenge() {
		HttpResponse<String> noToken = this.http.get("/api/v1/me");
		HttpResponse<String> badToken = this.http.get("/api/v1/me", "Authorization", "Bearer not-a-token");
		HttpResponse<String> badPassword = this.http.postJson("/api/v1/auth/token",
				"{\"username\":\"reviewer-tax\",\"password\":\"wrong\"}");

		for (HttpResponse<String> refused : java.util.List.of(noToken, badToken, badPassword)) {
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer realm=\"onevisit\""));
		}
		assertThat(badToken.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
	}

	@Test
	void aRequestThatCameOverTlsThroughTheLoadBalancerGetsHstsAndASecureCookie() {
		HttpResponse<String> overTls = this.http.get("/login", "X-Forwarded-Proto", "https");
		HttpResponse<String> plain = this.server.http().get("/login");

		assertThat(overTls.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=").contains("includeSubDomains"));
		assertThat(overTls.headers().allValues("Set-Cookie")).filteredOn((cookie) -> cookie.startsWith("JSESSIONID"))
			.isNotEmpty()
			.allSatisfy((cookie) -> assertThat(cookie).contains("Secure").contains("HttpOnly"));
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void listsAnApplicantsApplicationsAPageAtATimeWithANextLink() {
		Matters matters = this.server.matters(this.http);
		for (int i = 0; i < 3; i++) {
			matters.fileFlatTransfer();
		}
		String token = "Bearer " + this.http.bearerToken("applicant1", "onevisit-demo");
		java.util.List<String> all = ids(this.http.get("/api/v1/applications?limit=200", "Authorization", token));

		java.util.List<String> paged = new java.util.ArrayList<>();
		String next = "/api/v1/applications?limit=2";
		// three pages at most: other tests of the suite file for the same applicant
		while (next != null && paged.size() < 6) {
			HttpResponse<String> page = this.http.get(next, "Authorization", token);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(ids(page)).hasSizeLessThanOrEqualTo(2);
			paged.addAll(ids(page));
			next = page.headers()
				.firstValue("Link")
				.map((link) -> link.replaceAll("^<([^>]+)>; rel=\"next\"$", "$1"))
				.orElse(null);
		}

		assertThat(paged).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
		assertThat(paged).containsExactlyElementsOf(all.subList(0, paged.size()));
		HttpResponse<String> forged = this.http.get("/api/v1/applications?cursor=bm90LWEtY3Vyc29y", "Authorization",
				token);
		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(OneVisitHttp.json(forged).path("code").asString()).isEqualTo("cursor_invalid");
	}

	private static java.util.List<String> ids(HttpResponse<String> response) {
		java.util.List<String> ids = new java.util.ArrayList<>();
		OneVisitHttp.json(response).forEach((application) -> ids.add(application.path("id").asString()));
		return ids;
	}

	private HttpResponse<String> submit(String body) {
		return this.http.postJson("/api/v1/applications", body, "Authorization",
				"Bearer " + this.http.bearerToken("applicant1", "onevisit-demo"), "Idempotency-Key",
				UUID.randomUUID().toString());
	}

	private static java.util.List<String> errors(HttpResponse<String> response) {
		java.util.List<String> errors = new java.util.ArrayList<>();
		for (JsonNode error : OneVisitHttp.json(response).path("errors")) {
			errors.add(error.path("field").asString() + ":" + error.path("code").asString());
		}
		return errors;
	}

	private long callbacksStored() {
		return this.jdbc.queryForObject("select count(*) from payments_callback", Long.class);
	}

}
