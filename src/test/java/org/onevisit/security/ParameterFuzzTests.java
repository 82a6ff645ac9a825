package org.onevisit.security;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search, sort and filter parameters of the pages and the API, filled by Jazzer and by a
 * catalogue of classic injection payloads: whatever comes in, the answer is never a 500
 * and never shows a database error. In the test suite the fuzz test replays its corpus;
 * {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=ParameterFuzzTests#anyParameterValueIsAnsweredWithoutAServerError}
 * fuzzes for the duration given by {@code -Djazzer.max_duration} (default below).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParameterFuzzTests {

	/** A GET endpoint with search, sort or filter parameters, and who asks. */
	record Target(String path, String visitor, List<String> parameters) {
	}

	static final List<Target> TARGETS = List.of(new Target("/guide", "anonymous", List.of("q")),
			new Target("/api/v1/items", "api:applicant1", List.of("q", "limit")),
			new Target("/api/v1/bundles", "api:applicant1", List.of("q", "limit")),
			new Target("/api/v1/items/339900-HOUSING-001", "api:applicant1", List.of("version")),
			new Target("/api/v1/calendar/due-date", "api:applicant1", List.of("from", "workingDays")),
			new Target("/api/v1/applications", "api:applicant1", List.of("mine", "status", "sort")),
			new Target("/admin/catalogue", "page:admin1", List.of("q")),
			new Target("/admin/catalogue/items/339900-HOUSING-001", "page:admin1", List.of("from", "to")),
			new Target("/review", "page:reviewer-housing", List.of("filter", "sort")),
			new Target("/supervision", "page:supervisor1", List.of("department", "hall")),
			new Target("/supervision/dashboard", "page:supervisor1",
					List.of("region", "level", "department", "item", "from", "to")),
			new Target("/supervision/dashboard/data", "page:supervisor1",
					List.of("region", "level", "department", "item", "from", "to")),
			new Target("/api/v1/dashboard", "api:supervisor1",
					List.of("region", "level", "department", "item", "from", "to")),
			new Target("/api/v1/open-data/applications.csv", "anonymous",
					List.of("region", "level", "department", "item", "from", "to")),
			new Target("/api/v1/open-data/applications.json", "anonymous",
					List.of("region", "level", "department", "item", "from", "to")),
			new Target("/api/v1/open-data/indicators.json", "anonymous",
					List.of("region", "level", "department", "item", "from", "to")),
			new Target("/my/appointments", "page:applicant1", List.of("hall", "day", "item")),
			new Target("/hall/queue", "page:clerk1", List.of("hall", "window")),
			new Target("/api/v1/my/data-accesses", "api:applicant1", List.of("limit", "before")),
			new Target("/halls", "anonymous", List.of("hall")));

	static final List<String> PAYLOADS = List.of("' or '1'='1", "'; drop table applications_application; --",
			"1) union select null, version() --", "\" or 1=1 --", "%' and pg_sleep(5) is null --", "\\'", "'||'",
			"$$;select 1;$$", "1e309", "-1", "2147483648", "9999-99-99", "2026-02-30", "0000-00-00", "NaN",
			"../../etc/passwd", "%00", "\u0000", "\uD800", "<script>alert(1)</script>", "{{7*7}}", "${7*7}",
			"*{T(java.lang.Runtime)}", "ASC; delete from licences_licence", "name desc nulls first", "a".repeat(5_000),
			"１２３", "卖房' or 1=1 --", "%", "_", "[", "(", "*", "?", "\\", "OR", "AND NOT");

	static final java.util.Set<String> LOOPBACK = java.util.Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

	static final Map<String, OneVisitHttp> VISITORS = new ConcurrentHashMap<>();

	static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	static final LongAdder REQUESTS = new LongAdder();

	@Autowired
	OneVisitServer server;

	@FuzzTest(maxDuration = "5m")
	void anyParameterValueIsAnsweredWithoutAServerError(FuzzedDataProvider data) {
		// Jazzer's SSRF detector would report the test's own requests: this machine only
		try (SilentCloseable loopbackOnly = BugDetectors
			.allowNetworkConnections((host, port) -> LOOPBACK.contains(host))) {
			fuzz(data);
		}
	}

	private void fuzz(FuzzedDataProvider data) {
		Target target = data.pickValue(TARGETS);
		StringBuilder query = new StringBuilder();
		for (String parameter : target.parameters()) {
			if (data.consumeBoolean()) {
				append(query, parameter, data.consumeString(200));
			}
		}
		if (data.consumeBoolean()) {
			// a parameter the endpoint does not know, or the same one twice
			append(query, data.consumeBoolean() ? data.pickValue(target.parameters()) : data.consumeString(20),
					data.consumeRemainingAsString());
		}
		ask(target, query.toString());
	}

	static List<Object[]> payloadsEverywhere() {
		return TARGETS.stream()
			.flatMap((target) -> target.parameters().stream().map((parameter) -> new Object[] { target, parameter }))
			.toList();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("payloadsEverywhere")
	void injectionPayloadsInEveryParameterAreAnsweredWithoutAServerError(Target target, String parameter) {
		for (String payload : PAYLOADS) {
			StringBuilder query = new StringBuilder();
			append(query, parameter, payload);
			ask(target, query.toString());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("targets")
	void malformedQueryStringsAreTheSendersMistakeNotTheServers(Target target) {
		// the fuzzer's first finding: a parameter without a name was a 500
		for (String raw : List.of("=", "=x", "&=&", "a=%E4%B8", "q=%E4%B8%AD%FF")) {
			String url = target.path() + "?" + raw;
			HttpResponse<String> response = send(target, url);
			REQUESTS.increment();
			assertThat(response.statusCode()).as("GET %s", url).isLessThan(500);
		}
	}

	static List<Target> targets() {
		return TARGETS;
	}

	@AfterAll
	static void report() {
		System.out.printf("FUZZ parameters: %d requests, none answered 5xx or with a database error%n", REQUESTS.sum());
	}

	private void ask(Target target, String query) {
		String url = target.path() + (query.isEmpty() ? "" : "?" + query);
		HttpResponse<String> response = send(target, url);
		REQUESTS.increment();
		assertThat(response.statusCode()).as("GET %s", url).isLessThan(500);
		assertThat(response.body()).as("GET %s", url)
			.doesNotContainIgnoringCase("SQLException")
			.doesNotContainIgnoringCase("org.postgresql")
			.doesNotContainIgnoringCase("syntax error at")
			.doesNotContainIgnoringCase("BadSqlGrammar")
			// "jdbc" alone turns up in random CSRF tokens: a JDBC URL or Spring's JDBC
			// exceptions have a colon or a dot, which tokens never do
			.doesNotContainIgnoringCase("jdbc:")
			.doesNotContainIgnoringCase("springframework.jdbc")
			.doesNotContain("at org.onevisit.");
	}

	private HttpResponse<String> send(Target target, String url) {
		return (target.visitor().startsWith("api:"))
				? visitor("anonymous").get(url, "Authorization", token(target.visitor().substring(4)))
				: visitor(target.visitor()).get(url);
	}

	private static void append(StringBuilder query, String name, String value) {
		if (!query.isEmpty()) {
			query.append('&');
		}
		query.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
	}

	private OneVisitHttp visitor(String who) {
		return VISITORS.computeIfAbsent(who + "@" + this.server.port(), (key) -> {
			OneVisitHttp http = this.server.http();
			if (who.startsWith("page:")) {
				http.logIn(who.substring(5), "onevisit-demo");
			}
			return http;
		});
	}

	private String token(String user) {
		return TOKENS.computeIfAbsent(user + "@" + this.server.port(),
				(key) -> new Matters(this.server.http()).bearer(user));
	}

}
