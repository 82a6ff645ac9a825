package org.onevisit.security;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.benefits.Benefits;
import org.onevisit.transparency.LogEntry;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The security log as a supervisor meets it (issue 25, point 5): failed and successful
 * logins, refused accesses, staff reads of a case and of a person, configuration changes;
 * searched by person, kind and day a page at a time; and no row of it can be changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityLogTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	Benefits benefits;

	@Autowired
	JdbcTemplate jdbc;

	/** A new visitor for each test. */
	@Autowired
	OneVisitHttp http;

	@Test
	void recordsFailedAndSuccessfulLoginsOfThePagesAndTheApi() {
		this.http.postJson("/api/v1/auth/token", "{\"username\":\"reviewer-fire\",\"password\":\"guessed\"}");
		this.server.http().logIn("reviewer-fire", "onevisit-demo");

		List<JsonNode> entries = search("person=reviewer-fire");

		assertThat(kinds(entries)).contains("LOGIN_FAILED", "LOGIN_SUCCEEDED");
		assertThat(entries).allSatisfy((entry) -> assertThat(entry.toString()).doesNotContain("guessed"));
	}

	@Test
	void entersEachEventInThePublicLogAsACommitmentThatNamesNobody() throws InterruptedException {
		this.http.postJson("/api/v1/auth/token", "{\"username\":\"reviewer-housing\",\"password\":\"wrong\"}");
		Map<String, Object> row = this.jdbc.queryForMap("""
				select id, at, kind, actor, subject, detail, salt from audit_security_event
				where actor = 'reviewer-housing' and kind = 'LOGIN_FAILED' order by id desc limit 1
				""");
		long id = ((Number) row.get("id")).longValue();

		byte[] entry = null;
		for (int i = 0; i < 100 && entry == null; i++) {
			entry = this.jdbc.query("""
					select entry from transparency_pending where reference = ?
					union all select entry from transparency_entry where reference = ?
					""", (rs) -> rs.next() ? rs.getBytes(1) : null, "security/" + id, "security/" + id);
			Thread.sleep(50);
		}

		assertThat(entry).as("the log's entry for security event " + id).isNotNull();
		LogEntry logged = LogEntry.decode(entry);
		assertThat(logged.kind()).isEqualTo(LogEntry.Kind.SECURITY_EVENT);
		assertThat(logged.fields()).containsExactly("security/" + id, commitment(row), "LOGIN_FAILED");
		assertThat(new String(entry, StandardCharsets.UTF_8)).doesNotContain("reviewer-housing");
	}

	/**
	 * SM3 over the salt, then each value with its length, as docs/transparency-log.md
	 * says.
	 */
	private static String commitment(Map<String, Object> row) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes((byte[]) row.get("salt"));
		Instant at = ((java.sql.Timestamp) row.get("at")).toInstant();
		for (Object value : Arrays.asList(row.get("id"), at, row.get("kind"), row.get("actor"), row.get("subject"),
				row.get("detail"))) {
			byte[] utf8 = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
			bytes.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
			bytes.writeBytes(utf8);
		}
		SM3Digest sm3 = new SM3Digest();
		byte[] input = bytes.toByteArray();
		sm3.update(input, 0, input.length);
		byte[] hash = new byte[32];
		sm3.doFinal(hash, 0);
		return HexFormat.of().formatHex(hash);
	}

	@Test
	void recordsAccessesRefusedToASignedInPerson() {
		OneVisitHttp applicant = this.server.signedIn("applicant3");
		assertThat(applicant.get("/supervision/security-log").statusCode()).isEqualTo(403);
		HttpResponse<String> api = this.http.get("/api/v1/security-log", "Authorization", bearer("applicant3"));
		assertThat(api.statusCode()).isEqualTo(403);

		List<String> refused = search("person=applicant3&kind=ACCESS_REFUSED").stream()
			.map((entry) -> entry.path("detail").asString())
			.toList();

		assertThat(refused).contains("GET /supervision/security-log", "GET /api/v1/security-log");
	}

	@Test
	void recordsEveryStaffViewOfACaseAndOfAPersonButNotTheApplicantsOwn() {
		Matters matters = this.server.matters(this.http);
		String application = matters.fileFlatTransfer().path("id").asString();
		this.http.get("/api/v1/applications/" + application, "Authorization", bearer("applicant1"));
		this.http.get("/api/v1/applications/" + application, "Authorization", bearer("supervisor1"));
		OneVisitHttp clerk = this.server.signedIn("clerk2");
		clerk.get("/hall/confirmations?residentId=339903199007180029");

		List<JsonNode> viewsOfTheCase = search("person=" + application + "&kind=CASE_VIEWED");
		List<JsonNode> lookups = search("person=clerk2&kind=PERSONAL_DATA_VIEWED");

		assertThat(viewsOfTheCase).extracting((entry) -> entry.path("actor").asString())
			.contains("supervisor1")
			.doesNotContain("applicant1");
		assertThat(lookups).extracting((entry) -> entry.path("subject").asString()).contains("3399**********0029");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_security_event where subject = '339903199007180029' or actor = '339903199007180029'",
				Long.class))
			.isZero();
		// a supervisor searches the person by their resident ID, and finds the masked
		// entries
		assertThat(search("person=339903199007180029&kind=PERSONAL_DATA_VIEWED")).isNotEmpty();
	}

	@Test
	void recordsAPolicySwitchedAsAConfigurationChange() {
		this.benefits.switchOn("senior-bus-card", "admin1");

		assertThat(search("person=admin1&kind=CONFIGURATION_CHANGED"))
			.anySatisfy((entry) -> assertThat(entry.path("subject").asString()).contains("senior-bus-card"));
	}

	@Test
	void recordsAKeyRotationAndEveryChangeToHowAnAccountSignsIn() {
		String admin = "Bearer " + this.http.bearerToken("admin1", "onevisit-demo");
		String applicant = "Bearer " + this.http.bearerToken("applicant3", "onevisit-demo");
		String rotated = OneVisitHttp
			.json(this.http.postJson("/api/v1/admin/keys/webhooks/rotation", "{}", "Authorization", admin))
			.path("keyId")
			.asString();

		assertThat(search("person=admin1&kind=KEY_USED"))
			.anySatisfy((entry) -> assertThat(entry.path("subject").asString()).isEqualTo(rotated));
		assertThat(search("person=applicant3&kind=ACCOUNT_CHANGED"))
			.as("the token issued to applicant3 is an account change")
			.anySatisfy((entry) -> assertThat(entry.path("detail").asString()).isEqualTo("ApiTokenIssued"));
		assertThat(applicant).isNotBlank();
	}

	@Test
	void supervisorsPageThroughTheLogWithANextLinkAndByDay() {
		for (int i = 0; i < 3; i++) {
			this.http.postJson("/api/v1/auth/token",
					"{\"username\":\"reviewer-hrss\",\"password\":\"wrong" + i + "\"}");
		}
		String token = bearer("supervisor1");

		JsonNode first = OneVisitHttp.json(this.http
			.get("/api/v1/security-log?person=reviewer-hrss&kind=LOGIN_FAILED&limit=2", "Authorization", token));
		JsonNode second = OneVisitHttp.json(this.http.get(first.path("next").asString(), "Authorization", token));
		JsonNode tomorrow = OneVisitHttp.json(
				this.http.get("/api/v1/security-log?person=reviewer-hrss&from=" + java.time.LocalDate.now().plusDays(2),
						"Authorization", token));

		assertThat(first.path("entries")).hasSize(2);
		assertThat(second.path("entries")).isNotEmpty();
		assertThat(second.path("entries").get(0).path("id").asLong())
			.isLessThan(first.path("entries").get(1).path("id").asLong());
		assertThat(tomorrow.path("entries")).isEmpty();
		OneVisitHttp supervisor = this.server.signedIn("supervisor1");
		String page = supervisor.get("/supervision/security-log?person=reviewer-hrss&kind=LOGIN_FAILED").body();
		assertThat(page).contains("登录失败").contains("reviewer-hrss");
	}

	@Test
	void noEntryCanBeChangedOrRemoved() {
		this.http.postJson("/api/v1/auth/token", "{\"username\":\"reviewer-medins\",\"password\":\"nope\"}");

		assertThatThrownBy(() -> this.jdbc.update("update audit_security_event set actor = 'nobody'")).rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.update("delete from audit_security_event")).rootCause()
			.hasMessageContaining("append-only");
		// the application's role has no TRUNCATE at all (issue 26: a separate owner role)
		assertThatThrownBy(() -> this.jdbc.execute("truncate audit_security_event")).rootCause()
			.hasMessageContaining("permission denied");
	}

	private List<JsonNode> search(String query) {
		HttpResponse<String> found = this.http.get("/api/v1/security-log?" + query, "Authorization",
				bearer("supervisor1"));
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		List<JsonNode> entries = new ArrayList<>();
		OneVisitHttp.json(found).path("entries").forEach(entries::add);
		return entries;
	}

	private static List<String> kinds(List<JsonNode> entries) {
		return entries.stream().map((entry) -> entry.path("kind").asString()).toList();
	}

	private String bearer(String username) {
		return "Bearer " + this.http.bearerToken(username, "onevisit-demo");
	}

}
