package org.onevisit.benchmarks;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.applications.ApplicationStatistics;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.ServiceItem;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard over 1,000,000 generated applications (with their tasks, a year of
 * filings, 85 % finished) on the embedded PostgreSQL with fsync and synchronous_commit
 * on: the time to rebuild the roll-ups, then the API's answer time for a set of filters,
 * through HTTP with a bearer token. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=DashboardBenchmark}; it prints the figures and
 * asserts only that the answers are whole.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onevisit.db.embedded.durable=true", "logging.level.org.onevisit=warn",
				"onevisit.statistics.refresh-interval=PT1H" })
class DashboardBenchmark {

	static final int APPLICATIONS = 1_000_000;

	static final int ROUNDS = 10;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Catalogue catalogue;

	@Autowired
	ApplicationStatistics statistics;

	@Test
	void answersAnyFilterOverAMillionApplications() {
		generate();
		long rebuild = System.nanoTime();
		this.statistics.rebuild();
		System.out.printf("dashboard: roll-ups rebuilt from %d applications in %d ms%n", APPLICATIONS,
				(System.nanoTime() - rebuild) / 1_000_000);
		long refresh = System.nanoTime();
		this.statistics.refresh();
		System.out.printf("dashboard: roll-ups of the last two days refreshed in %d ms%n",
				(System.nanoTime() - refresh) / 1_000_000);

		OneVisitHttp http = new OneVisitHttp(this.port);
		String token = "Bearer " + http.bearerToken("admin1", "onevisit-demo");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Map<String, String> filters = new LinkedHashMap<>();
		filters.put("all, last 30 days", "");
		filters.put("all, whole year", "?from=" + today.minusDays(365));
		filters.put("department tax, whole year", "?department=tax&from=" + today.minusDays(365));
		filters.put("one item, whole year", "?item=339900-NR-001&from=" + today.minusDays(365));
		filters.put("region 339900, one quarter", "?region=339900&from=" + today.minusDays(90));
		filters.put("city level, whole year", "?level=CITY&from=" + today.minusDays(365));
		filters.put("department nr, one month in spring",
				"?department=nr&from=" + today.minusDays(240) + "&to=" + today.minusDays(210));
		long worst = 0;
		for (Map.Entry<String, String> filter : filters.entrySet()) {
			long[] millis = new long[ROUNDS];
			for (int round = 0; round < ROUNDS; round++) {
				long started = System.nanoTime();
				HttpResponse<String> answer = http.get("/api/v1/dashboard" + filter.getValue(), "Authorization", token);
				millis[round] = (System.nanoTime() - started) / 1_000_000;
				assertThat(answer.statusCode()).as(answer::body).isEqualTo(200);
				assertThat(OneVisitHttp.json(answer).path("filed").asLong()).isPositive();
			}
			Arrays.sort(millis);
			worst = Math.max(worst, millis[ROUNDS - 1]);
			System.out.printf("dashboard: %-36s median %4d ms, max %4d ms (%d rounds)%n", filter.getKey(),
					millis[ROUNDS / 2], millis[ROUNDS - 1], ROUNDS);
		}
		System.out.printf("dashboard: slowest answer of any filter %d ms%n", worst);
	}

	/**
	 * A year of filings straight into the tables: items and departments from the
	 * catalogue.
	 */
	void generate() {
		List<ServiceItem> items = this.catalogue.publishedItems();
		List<String> codes = new ArrayList<>();
		List<String> departments = new ArrayList<>();
		items.forEach((item) -> {
			codes.add(item.code());
			departments.add(item.departmentCode());
		});
		long started = System.nanoTime();
		this.jdbc.sql("""
				insert into applications_application (id, tracking_number, subject_resident_id, filed_by, channel,
				    bundle_code, form, status, submitted_at, finished_at)
				select gen_random_uuid(), 'BENCH-' || g, '339902198503120016', 'bench',
				       (array['ONLINE', 'ONLINE', 'ONLINE', 'HALL', 'PARTNER'])[1 + g % 5], null, '{}',
				       case when g % 20 < 17 then 'APPROVED' when g % 20 = 17 then 'REJECTED' else 'IN_REVIEW' end,
				       now() - (g % 365) * interval '1 day' - (g % 600) * interval '1 minute',
				       case when g % 20 < 18 then now() - (g % 365) * interval '1 day' - (g % 600) * interval '1 minute'
				            + ((g::bigint * 7919) % 400) * interval '1 hour' end
				from generate_series(1, :count) as g
				""").param("count", APPLICATIONS).update();
		this.jdbc
			.sql("""
					insert into applications_task (id, application_id, item_code, item_version, department_code,
					    committed_limit, statutory_limit, step, status, committed_due, statutory_due, version)
					select gen_random_uuid(), a.id, (:codes)[1 + i], 1, (:departments)[1 + i], 5, 20, 'decide',
					       case a.status when 'IN_REVIEW' then 'IN_REVIEW' when 'REJECTED' then 'REJECTED' else 'APPROVED' end,
					       (a.submitted_at + interval '7 days')::date, (a.submitted_at + interval '28 days')::date, 0
					from applications_application a,
					     lateral (select abs(hashtext(a.tracking_number)) % cardinality(cast(:codes as text[])) as i) pick
					where a.tracking_number like 'BENCH-%'
					""")
			.param("codes", codes.toArray(String[]::new))
			.param("departments", departments.toArray(String[]::new))
			.update();
		this.jdbc.sql("analyze applications_application").update();
		this.jdbc.sql("analyze applications_task").update();
		System.out.printf("dashboard: generated %d applications with one task each in %d s%n", APPLICATIONS,
				(System.nanoTime() - started) / 1_000_000_000);
	}

}
