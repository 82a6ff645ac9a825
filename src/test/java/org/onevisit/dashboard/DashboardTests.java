package org.onevisit.dashboard;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.applications.ApplicationStatistics;
import org.onevisit.dashboard.internal.DashboardService;
import org.onevisit.dashboard.internal.OpenData;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's figures against direct counts, and open data's suppression. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	DashboardService dashboard;

	@Autowired
	ApplicationStatistics statistics;

	@Autowired
	JdbcClient jdbc;

	void fileSome() throws InterruptedException {
		OneVisitHttp http = this.server.http();
		Matters matters = this.server.matters(http);
		matters.payThroughTheSimulator(matters.approveAll(matters.fileFlatTransfer()));
		matters.fileFlatTransfer();
		String token = matters.bearer("applicant1");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			HttpResponse<String> filed = http.postJson("/api/v1/applications", Matters.taxRecord(Matters.SELLER),
					"Authorization", token, "Idempotency-Key", UUID.randomUUID().toString());
			assertThat(filed.statusCode()).isEqualTo(201);
			ids.add(OneVisitHttp.json(filed).path("id").asString());
		}
		// instant approval finishes them moments after filing; count once it has
		for (String id : ids) {
			for (int wait = 0; wait < 100
					&& !OneVisitHttp.json(http.get("/api/v1/applications/" + id, "Authorization", token))
						.path("status")
						.asString()
						.equals("APPROVED"); wait++) {
				Thread.sleep(50);
			}
		}
		this.statistics.rebuild();
	}

	long direct(String where) {
		return this.jdbc.sql("""
				select count(*) from applications_task t join applications_application a on a.id = t.application_id
				where (a.submitted_at at time zone 'Asia/Shanghai')::date = :today and %s
				""".formatted(where)).param("today", today()).query(Long.class).single();
	}

	static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	@Test
	void showsFiguresEqualToADirectCountOnTheSameData() throws InterruptedException {
		fileSome();
		DashboardView all = this.dashboard.view(new DashboardFilter(null, null, null, null, today(), today()));
		DashboardView tax = this.dashboard.view(new DashboardFilter(null, null, "tax", null, today(), today()));
		DashboardView item = this.dashboard
			.view(new DashboardFilter(null, null, null, "339900-NR-001", today(), today()));

		assertThat(all.filed()).isEqualTo(direct("true")).isGreaterThanOrEqualTo(18);
		assertThat(tax.filed()).isEqualTo(direct("t.department_code = 'tax'"));
		assertThat(item.filed()).isEqualTo(direct("t.item_code = '339900-NR-001'"));
		assertThat(all.filedByChannel().get("ONLINE")).isEqualTo(direct("a.channel = 'ONLINE'"));
		assertThat(all.finished()).isEqualTo(this.jdbc.sql("""
				select count(*) from applications_task t join applications_application a on a.id = t.application_id
				where (a.finished_at at time zone 'Asia/Shanghai')::date = :today
				""").param("today", today()).query(Long.class).single());
		assertThat(all.trend()).containsEntry(today(), all.filed());
		assertThat(tax.byDepartment()).extracting(DashboardView.Row::code).containsExactly("tax");
		assertThat(all.instantApprovalRate()).isNotNull();
	}

	@Test
	void publishesOnlyEndedMonthsSoThatTodaysFilingsMoveNoPublishedCell() throws InterruptedException {
		fileSome();
		OneVisitHttp anyone = this.server.http();

		HttpResponse<String> json = anyone.get("/api/v1/open-data/applications.json");
		String csv = anyone.get("/api/v1/open-data/applications.csv").body();
		HttpResponse<String> indicators = anyone.get("/api/v1/open-data/indicators.json");

		assertThat(json.statusCode()).isEqualTo(200);
		JsonNode document = OneVisitHttp.json(json);
		String month = today().toString().substring(0, 7);
		assertThat(document.path("to").asString()).isEqualTo(today().withDayOfMonth(1).minusDays(1).toString());
		assertThat(document.path("note").asString()).contains("suppressed", "10");
		for (JsonNode row : document.path("rows")) {
			assertThat(row.path("month").asString()).isNotEqualTo(month);
		}
		assertThat(csv).startsWith("month,level,department,departmentName,item,itemName,filed,finished,averageHours")
			.doesNotContain("\r\n" + month);
		assertThat(indicators.statusCode()).isEqualTo(200);
		JsonNode rows = OneVisitHttp.json(indicators).path("rows");
		assertThat(rows).isNotEmpty();
		assertThat(rows.get(0).path("regionName").asString()).isNotBlank();
		assertThat(rows.get(0).has("onlineShare")).isTrue();
		assertThat(anyone.get("/api/v1/open-data/indicators.csv").body())
			.startsWith("month,region,regionName,regionLevel,items,onlineShare");
	}

	@Test
	void isForSupervisorsAndAdministrators() {
		OneVisitHttp supervisor = this.server.signedIn("supervisor1");
		assertThat(supervisor.get("/supervision/dashboard?department=tax").body()).contains("改革成效驾驶舱", "秒批率",
				"data-chart=\"demand\"");
		JsonNode data = OneVisitHttp.json(
				supervisor.get("/supervision/dashboard/data?department=tax&level=CITY&from=2026-01-01&to=" + today()));
		assertThat(data.path("filter").path("department").asString()).isEqualTo("tax");
		assertThat(data.path("filter").path("level").asString()).isEqualTo("CITY");
		assertThat(data.path("filter").path("from").asString()).isEqualTo("2026-01-01");
		assertThat(data.has("trend")).isTrue();
		assertThat(supervisor.get("/supervision/dashboard?from=not-a-date").statusCode()).isEqualTo(400);
		Matters matters = new Matters(supervisor);
		assertThat(supervisor.get("/api/v1/dashboard", "Authorization", matters.bearer("admin1")).statusCode())
			.isEqualTo(200);
		assertThat(supervisor.get("/api/v1/dashboard", "Authorization", matters.bearer("applicant1")).statusCode())
			.isEqualTo(403);
	}

}
