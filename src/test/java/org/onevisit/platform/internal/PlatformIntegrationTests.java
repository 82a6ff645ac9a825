package org.onevisit.platform.internal;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.Problems;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How OneVisit answers as a whole: languages, errors, headers, tracing, database,
 * documentation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	/** A new visitor for each test. */
	@Autowired
	OneVisitHttp visitor;

	@Test
	void speaksSimplifiedChineseByDefaultWhateverTheBrowserLanguage() {
		HttpResponse<String> page = this.visitor.get("/", "Accept-Language", "en-US,en;q=0.9");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"zh-CN\">", "办事最多跑一次");
	}

	@Test
	void switchesToEnglishWhenTheVisitorChoosesItAndRemembersTheChoice() {
		HttpResponse<String> chosen = this.visitor.get("/?lang=en");
		HttpResponse<String> next = this.visitor.get("/");

		assertThat(chosen.body()).contains("<html lang=\"en\">", "Any matter done with at most one visit");
		assertThat(next.body()).contains("Any matter done with at most one visit");
	}

	@Test
	void sendsSecurityHeadersWithEveryPage() {
		HttpResponse<String> page = this.visitor.get("/");

		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(csp) -> assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
					.doesNotContain("unsafe-inline"));
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void givesEveryRequestAnIdAndKeepsAWellFormedOneFromTheCaller() {
		HttpResponse<String> generated = this.visitor.get("/");
		HttpResponse<String> kept = this.visitor.get("/", "X-Request-Id", "bank-batch-000123");
		HttpResponse<String> replaced = this.visitor.get("/", "X-Request-Id", "evil value\" injected");

		assertThat(generated.headers().firstValue("X-Request-Id"))
			.hasValueSatisfying((id) -> assertThat(id).hasSize(36));
		assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("bank-batch-000123");
		assertThat(replaced.headers().firstValue("X-Request-Id"))
			.hasValueSatisfying((id) -> assertThat(id).hasSize(36));
	}

	@Test
	void answersApiErrorsAsProblemsWithAStableCodeInTheCallersLanguage() {
		HttpResponse<String> chinese = this.visitor.get("/api/v1/calendar/due-date?from=2025-13-01&workingDays=3");
		HttpResponse<String> english = this.visitor.get("/api/v1/calendar/due-date?from=2025-13-01&workingDays=3",
				"Accept-Language", "en");

		JsonNode problem = Problems.assertProblem(chinese, 400, "parameter_invalid");
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("detail").asString()).contains("from").contains("格式");
		assertThat(problem.path("requestId").asString()).isNotBlank();
		assertThat(OneVisitHttp.json(english).path("detail").asString()).contains("not in the right format");
		assertThat(chinese.body()).doesNotContain("Exception", "at org.");
	}

	@Test
	void answersAnUnknownApiPathWithAProblemNotAPage() {
		String token = this.visitor.bearerToken("applicant1", "onevisit-demo");

		HttpResponse<String> missing = this.visitor.get("/api/v1/no-such-thing", "Authorization", "Bearer " + token);

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(OneVisitHttp.json(missing).path("code").asString()).isEqualTo("not_found");
		assertThat(OneVisitHttp.json(missing).path("requestId").asString()).isNotBlank();
	}

	@Test
	void showsAPageErrorInTheVisitorsLanguageWithoutInternals() {
		this.visitor.logIn("applicant1", "onevisit-demo");

		HttpResponse<String> refused = this.visitor.get("/admin/anything");

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("您没有办理此项操作的权限").doesNotContain("Exception", "Whitelabel");
	}

	@Test
	void countsDueDatesInWorkingDaysThroughTheApi() {
		HttpResponse<String> response = this.visitor.get("/api/v1/calendar/due-date?from=2025-09-26&workingDays=7");

		JsonNode due = OneVisitHttp.json(response);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(due.path("from").asString()).isEqualTo("2025-09-26");
		assertThat(due.path("workingDays").asInt()).isEqualTo(7);
		assertThat(due.path("due").asString()).isEqualTo("2025-10-13");
		assertThat(due.path("provisional").asBoolean()).isFalse();
	}

	@Test
	void refusesANegativeNumberOfWorkingDaysNamingTheField() {
		HttpResponse<String> response = this.visitor.get("/api/v1/calendar/due-date?from=2025-09-26&workingDays=-1");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(OneVisitHttp.json(response).path("code").asString()).isEqualTo("validation_failed");
		assertThat(OneVisitHttp.json(response).path("errors").get(0).path("field").asString()).isEqualTo("workingDays");
	}

	@Test
	void createsTheSchemaWithFlywayIncludingTheEventPublicationRegistry() {
		Integer migrations = this.jdbc.sql("select count(*) from flyway_schema_history where success")
			.query(Integer.class)
			.single();
		Integer outbox = this.jdbc
			.sql("select count(*) from information_schema.tables where table_name = 'event_publication'")
			.query(Integer.class)
			.single();

		assertThat(migrations).isGreaterThanOrEqualTo(3);
		assertThat(outbox).isEqualTo(1);
	}

	@Test
	void publishesAnOpenApiDocumentAndItsUi() {
		HttpResponse<String> document = this.visitor.get("/v3/api-docs");
		HttpResponse<String> ui = this.visitor.get("/swagger-ui/index.html");

		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(document.body()).contains("OneVisit API", "/api/v1/calendar/due-date", "/api/v1/auth/token");
		assertThat(ui.statusCode()).isEqualTo(200);
	}

	@Test
	void reportsHealthToAnyoneAndMetricsOnlyToAdministrators() {
		String admin = this.visitor.bearerToken("admin1", "onevisit-demo");
		String applicant = this.visitor.bearerToken("applicant1", "onevisit-demo");

		assertThat(this.visitor.get("/actuator/health").body()).contains("\"status\":\"UP\"");
		HttpResponse<String> metrics = this.visitor.get("/actuator/prometheus", "Authorization", "Bearer " + admin);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests");
		assertThat(this.visitor.get("/actuator/prometheus", "Authorization", "Bearer " + applicant).statusCode())
			.isEqualTo(403);
	}

}
