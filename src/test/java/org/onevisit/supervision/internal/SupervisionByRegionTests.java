package org.onevisit.supervision.internal;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.MattersInProcess;
import org.onevisit.catalog.RegionLevel;
import org.onevisit.supervision.SupervisedTask;
import org.onevisit.supervision.Supervision;
import org.onevisit.supervision.Supervision.Scope;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supervision by region and level, as the dashboard filters: a citywide matter accepted
 * at the west hall and handled by 东湖区's registration office is 东湖区's, a county's, and the
 * city's (the region above), never 西山区's; on the service, the API and the page; and open
 * data by level.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisionByRegionTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	Supervision supervision;

	@Autowired
	JdbcClient jdbc;

	/**
	 * 张三's 不动产登记资料查询 accepted at the west hall, routed to 东湖区 (his household), and
	 * overdue.
	 */
	Application overdueEastMatter() {
		Application filed = MattersInProcess.recordsSearchAtTheWestHall(this.applications);
		this.jdbc.sql("update applications_task set committed_due = :due where application_id = :id")
			.param("due", LocalDate.now().minusDays(3))
			.param("id", filed.id().value())
			.update();
		return filed;
	}

	static boolean watches(java.util.List<SupervisedTask> tasks, Application matter) {
		return tasks.stream().anyMatch((task) -> task.application().equals(matter.id().value()));
	}

	@Test
	void watchesATaskInTheRegionOfItsDepartmentAndTheRegionsAboveAtItsLevel() {
		Application matter = overdueEastMatter();
		assertThat(matter.tasks().get(0).plan().departmentCode()).isEqualTo("nr-339902");

		assertThat(watches(this.supervision.watchList(new Scope(null, null, "339902", null)), matter)).isTrue();
		assertThat(watches(this.supervision.watchList(new Scope(null, null, "339900", null)), matter)).isTrue();
		assertThat(watches(this.supervision.watchList(new Scope(null, null, "339903", null)), matter)).isFalse();
		assertThat(watches(this.supervision.watchList(new Scope(null, null, null, RegionLevel.COUNTY)), matter))
			.isTrue();
		assertThat(watches(this.supervision.watchList(new Scope(null, null, null, RegionLevel.CITY)), matter))
			.isFalse();
		// the hall that accepted it stays a filter of its own
		assertThat(watches(this.supervision.watchList(new Scope(null, "west", "339902", null)), matter)).isTrue();
		assertThat(watches(this.supervision.watchList(new Scope(null, "east", "339902", null)), matter)).isFalse();
		// the counties' departments only (other tests' matters may be watched in 西山区 too)
		assertThat(this.supervision.board(new Scope(null, null, null, RegionLevel.COUNTY))).containsKey("nr-339902")
			.doesNotContainKeys("nr", "tax");
		assertThat(this.supervision.board(new Scope(null, null, "339903", null))).doesNotContainKeys("nr-339902", "nr",
				"tax");
		assertThat(this.supervision.hallBoard(new Scope(null, null, "339902", null))).containsKey("west");
	}

	@Test
	void theApiAndThePageFilterByRegionAndLevelWrittenInAnyCase() {
		Application matter = overdueEastMatter();
		OneVisitHttp http = this.server.http();
		Matters matters = new Matters(http);
		String supervisor = matters.bearer("supervisor1");

		JsonNode county = OneVisitHttp.json(http.get("/api/v1/supervision?level=county", "Authorization", supervisor));
		JsonNode city = OneVisitHttp.json(http.get("/api/v1/supervision?level=CITY", "Authorization", supervisor));
		JsonNode west = OneVisitHttp.json(http.get("/api/v1/supervision?region=339903", "Authorization", supervisor));

		assertThat(county.path("filter").path("level").asString()).isEqualTo("COUNTY");
		assertThat(county.path("tasks").valueStream().map((task) -> task.path("trackingNumber").asString()))
			.contains(matter.trackingNumber());
		assertThat(county.path("board").has("nr-339902")).isTrue();
		assertThat(city.path("tasks").valueStream().map((task) -> task.path("trackingNumber").asString()))
			.doesNotContain(matter.trackingNumber());
		assertThat(west.path("tasks").valueStream().map((task) -> task.path("trackingNumber").asString()))
			.doesNotContain(matter.trackingNumber());
		assertThat(http.get("/api/v1/supervision?level=planet", "Authorization", supervisor).statusCode())
			.isEqualTo(400);
		assertThat(http.get("/api/v1/supervision", "Authorization", matters.bearer("applicant1")).statusCode())
			.isEqualTo(403);

		OneVisitHttp page = this.server.signedIn("supervisor1");
		assertThat(page.get("/supervision?level=county").body()).contains(matter.trackingNumber(), "东湖区");
		assertThat(page.get("/supervision?region=339903").body()).doesNotContain(matter.trackingNumber());
	}

	@Test
	void openDataPublishesTheIndicatorsOfTheLevelAndTheRegionAsked() {
		OneVisitHttp http = this.server.http();

		JsonNode counties = OneVisitHttp.json(http.get("/api/v1/open-data/indicators.json?level=county"));
		JsonNode east = OneVisitHttp.json(http.get("/api/v1/open-data/indicators.json?region=339902"));

		assertThat(counties.path("rows").valueStream().map((row) -> row.path("region").asString()).distinct())
			.containsExactlyInAnyOrder("339902", "339903");
		assertThat(counties.path("rows").valueStream().map((row) -> row.path("regionLevel").asString()).distinct())
			.containsExactly("county");
		assertThat(east.path("rows").valueStream().map((row) -> row.path("regionName").asString()).distinct())
			.containsExactly("东湖区");
	}

}
