package org.onevisit.applications.internal;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.applications.Channel;
import org.onevisit.applications.MattersInProcess;
import org.onevisit.applications.SubmissionRefused;
import org.onevisit.exchange.DataExchange;
import org.onevisit.identity.Actor;
import org.onevisit.platform.Sentences;
import org.onevisit.registries.RegistryControl;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * 全市通办 by the property, and the windows' regions: a matter about a flat goes to the
 * county where the flat lies, whichever hall accepts it; a county's hall accepts a city
 * item only when it is citywide, refused by name otherwise, on the service and the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegionalIntakeIntegrationTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	DataExchange exchange;

	@Autowired
	Sentences sentences;

	@Autowired
	JdbcClient jdbc;

	/** The seller's flat transfer of this flat, accepted at the hall's window. */
	Application fileFlatTransferAt(String hall, RegistryControl.Flat flat) {
		Map<String, Object> form = new HashMap<>();
		form.put("sellerId", Matters.SELLER);
		form.put("sellerName", "张三");
		form.put("buyerId", Matters.BUYER);
		form.put("buyerName", "李四");
		form.put("certificateNo", flat.certificateNo());
		form.put("address", flat.address());
		form.put("price", 1_250_000);
		return this.applications.submit(
				new Submission("339900-NR-001", null, Subject.person(ResidentId.of(Matters.SELLER)), Channel.HALL, form)
					.atHall(hall),
				Actor.clerk("clerk1"), null);
	}

	String owningHallOf(Application application) {
		return MattersInProcess.owningHallOf(this.jdbc, application);
	}

	@Test
	void aFlatInTheWestCountyFiledAtTheEastHallGoesToTheWestCountysRegistrationOffice() {
		// 张三's household is in 东湖区: by the household, the city's centre would have it
		RegistryControl.Flat flat = Matters.mintFlat(this.server.registries(), "西山区");

		Application filed = fileFlatTransferAt("east", flat);

		assertThat(filed.tasks()).singleElement().satisfies((task) -> {
			assertThat(task.plan().itemCode()).isEqualTo("339903-NR-001");
			assertThat(task.plan().departmentCode()).isEqualTo("nr-339903");
		});
		assertThat(filed.hallCode()).isEqualTo("east");
		assertThat(owningHallOf(filed)).isEqualTo("west");
		assertThat(this.applications.summary(filed.id(), Actor.system()).hallCode()).isEqualTo("east");
	}

	@Test
	void aFlatInTheEastCountyStaysWithTheCitysCentreWhicheverHallAcceptsIt() {
		RegistryControl.Flat flat = Matters.mintFlat(this.server.registries(), "东湖区");

		Application filed = fileFlatTransferAt("west", flat);

		assertThat(filed.tasks()).singleElement().satisfies((task) -> {
			assertThat(task.plan().itemCode()).isEqualTo("339900-NR-001");
			assertThat(task.plan().departmentCode()).isEqualTo("nr");
		});
		assertThat(filed.hallCode()).isEqualTo("west");
		assertThat(owningHallOf(filed)).isNull();
	}

	@Test
	void readsWhereTheFlatLiesOnTheLedgerUnderItsPurposeAndLearnsNothingButCertificatesAndCounties() {
		RegistryControl.Flat flat = Matters.mintFlat(this.server.registries(), "西山区");

		fileFlatTransferAt("city", flat);

		assertThat(this.exchange.accessesTo(Matters.SELLER, 500))
			.filteredOn((access) -> access.elements().equals("realestate.location"))
			.isNotEmpty()
			.allSatisfy((access) -> {
				assertThat(access.consumer()).isEqualTo("onevisit");
				assertThat(this.sentences.render(access.purpose(), Locale.SIMPLIFIED_CHINESE)).contains("事项分派",
						"不动产所在区县");
				// a fresh reference, never the owner's ID in clear
				assertThat(access.reference()).doesNotContain(Matters.SELLER);
			});
		// the registry answers the location element with the certificate and the county
		// only
		assertThat(this.server.registries()
			.subjectsMatching("realestate.location",
					(record) -> !Set.of("certificateNo", "regionCode").containsAll(record.keySet())))
			.isEmpty();
		assertThat(this.server.registries()
			.subjectsMatching("realestate.location",
					(record) -> flat.certificateNo().equals(record.get("certificateNo"))
							&& "339903".equals(record.get("regionCode"))))
			.containsExactlyInAnyOrder(Matters.SELLER, Matters.WIFE);
	}

	Submission societyAt(String hall) {
		return new Submission("339900-CIVIL-004", null, Subject.person(ResidentId.of(Matters.BUYER)), Channel.HALL,
				Map.of("organisationName", "示范市窗口测试协会", "principalId", Matters.BUYER, "memberCount", 60))
			.atHall(hall);
	}

	@Test
	void aCountysHallRefusesACityItemThatIsNotCitywideNamingTheHallTheRegionAndWhereToGo() {
		assertThatThrownBy(() -> this.applications.submit(societyAt("east"), Actor.clerk("clerk1"), null))
			.isInstanceOfSatisfying(SubmissionRefused.class, (refused) -> {
				assertThat(refused.code()).isEqualTo("region_not_served");
				assertThat(refused.arguments()).contains("示范市东区便民服务中心", "示范市", "社会团体成立登记");
				assertThat(refused.arguments()[3].toString()).contains("示范市政务服务中心").doesNotContain("示范市西区便民服务中心");
			});

		// the city's hall serves the city: refused, if at all, for what is missing
		Throwable atTheCity = catchThrowable(
				() -> this.applications.submit(societyAt("city"), Actor.clerk("clerk1"), null));
		assertThat(atTheCity).isInstanceOf(SubmissionRefused.class);
		assertThat(((SubmissionRefused) atTheCity).code()).isNotEqualTo("region_not_served");
	}

	@Test
	void theApiRefusesAClerkWhoseHallDoesNotServeTheRegionAsAProblemNamingHallAndRegion() {
		OneVisitHttp http = this.server.http();
		String clerk = new Matters(http).bearer("clerk1");
		String body = """
				{"itemCode":"339900-CIVIL-004","applicant":{"residentId":"%s"},"hallCode":"%s",
				 "form":{"organisationName":"示范市接口测试协会","principalId":"%s","memberCount":60}}
				""";

		HttpResponse<String> east = http.postJson("/api/v1/applications",
				body.formatted(Matters.BUYER, "east", Matters.BUYER), "Authorization", clerk, "Idempotency-Key",
				UUID.randomUUID().toString());
		HttpResponse<String> nowhere = http.postJson("/api/v1/applications",
				body.formatted(Matters.BUYER, "nowhere", Matters.BUYER), "Authorization", clerk, "Idempotency-Key",
				UUID.randomUUID().toString());
		HttpResponse<String> city = http.postJson("/api/v1/applications",
				body.formatted(Matters.BUYER, "city", Matters.BUYER), "Authorization", clerk, "Idempotency-Key",
				UUID.randomUUID().toString());

		assertThat(east.statusCode()).as(east.body()).isEqualTo(422);
		JsonNode problem = OneVisitHttp.json(east);
		assertThat(problem.path("code").asString()).isEqualTo("region_not_served");
		assertThat(problem.path("detail").asString()).contains("示范市东区便民服务中心", "示范市", "社会团体成立登记");
		assertThat(problem.path("halls").valueStream().map((hall) -> hall.path("code").asString()))
			.containsExactly("city");
		assertThat(nowhere.statusCode()).as(nowhere.body()).isEqualTo(400);
		assertThat(OneVisitHttp.json(nowhere).path("code").asString()).isEqualTo("hall_unknown");
		assertThat(city.body()).doesNotContain("region_not_served");
	}

}
