package org.onevisit.applications.internal;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.MattersInProcess;
import org.onevisit.queues.Halls;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 全市通办: a citywide item accepted at any hall of the city is handled by the department of
 * the county that owns the matter, with both halls recorded; and the indicators by region
 * level.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CitywideRoutingIntegrationTests {

	/** 张三, whose household is registered in 东湖区 (339902). */
	static final String EAST_RESIDENT = "339902198503120016";

	/** 李四, whose household is registered in 西山区 (339903). */
	static final String WEST_RESIDENT = "339903199007180029";

	@Autowired
	OneVisitServer server;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	Halls halls;

	@Autowired
	JdbcClient jdbc;

	Application fileRegisterQueryAt(String hall, String resident) {
		return MattersInProcess.recordsSearch(this.applications, hall, resident);
	}

	String owningHallOf(Application application) {
		return MattersInProcess.owningHallOf(this.jdbc, application);
	}

	@Test
	void aCitywideItemAcceptedAtTheOtherCountysHallGoesToTheDepartmentOfTheApplicantsHouseholdCounty() {
		Application filed = fileRegisterQueryAt("west", EAST_RESIDENT);

		assertThat(filed.tasks()).singleElement().satisfies((task) -> {
			assertThat(task.plan().itemCode()).isEqualTo("339902-NR-006");
			assertThat(task.plan().departmentCode()).isEqualTo("nr-339902");
		});
		assertThat(filed.hallCode()).isEqualTo("west");
		assertThat(owningHallOf(filed)).isEqualTo("east");
	}

	@Test
	void routesEachResidentToTheirOwnCountyWhicheverHallAcceptsIt() {
		Application fromTheWest = fileRegisterQueryAt("east", WEST_RESIDENT);
		Application atHome = fileRegisterQueryAt("west", WEST_RESIDENT);

		assertThat(fromTheWest.tasks().get(0).plan().departmentCode()).isEqualTo("nr-339903");
		assertThat(owningHallOf(fromTheWest)).isEqualTo("west");
		assertThat(atHome.tasks().get(0).plan().departmentCode()).isEqualTo("nr-339903");
	}

	@Test
	void hallsBelongToRegionsAndTheCitysHallServesBothCounties() {
		assertThat(this.halls.serving("339902")).extracting((hall) -> hall.code())
			.containsExactlyInAnyOrder("city", "east");
		assertThat(this.halls.serving("339903")).extracting((hall) -> hall.code())
			.containsExactlyInAnyOrder("city", "west");
	}

	@Test
	void theDashboardFiltersByRegionLevelWrittenInAnyCase() {
		OneVisitHttp http = this.server.http();
		String admin = new Matters(http).bearer("admin1");

		JsonNode lower = OneVisitHttp.json(http.get("/api/v1/dashboard?level=county", "Authorization", admin));
		JsonNode upper = OneVisitHttp.json(http.get("/api/v1/dashboard?level=COUNTY", "Authorization", admin));
		JsonNode city = OneVisitHttp.json(http.get("/api/v1/dashboard?level=city", "Authorization", admin));

		assertThat(lower.path("filter").path("level").asString()).isEqualTo("COUNTY");
		// at least the two counties' implementations of 不动产登记资料查询 (other tests sharing
		// this database may publish more)
		assertThat(lower.path("items").asInt()).isGreaterThanOrEqualTo(2)
			.isEqualTo(upper.path("items").asInt())
			.isLessThan(city.path("items").asInt());
		assertThat(city.path("items").asInt()).isGreaterThanOrEqualTo(41);
		assertThat(http.get("/api/v1/dashboard?level=planet", "Authorization", admin).statusCode()).isEqualTo(400);
	}

}
