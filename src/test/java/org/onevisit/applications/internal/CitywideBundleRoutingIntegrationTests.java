package org.onevisit.applications.internal;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.applications.Channel;
import org.onevisit.applications.MattersInProcess;
import org.onevisit.delivery.Deliveries;
import org.onevisit.delivery.Delivery;
import org.onevisit.identity.Actor;
import org.onevisit.licences.Licence;
import org.onevisit.licences.LicenceWallet;
import org.onevisit.registries.RegistryControl;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onevisit.Eventually.eventually;

/**
 * 全市通办 inside a bundle (一件事): each task of a bundle goes to the implementing department
 * of the region that owns the matter, by the same rule as an item filed alone. The flat
 * transfer's registration goes to the county where the flat lies, while the housing and
 * tax items, which only the city implements, stay with the city; both halls are recorded,
 * the result goes out through the accepting hall, and the county's reviewer, not the
 * city's, works the task.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CitywideBundleRoutingIntegrationTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	Deliveries deliveries;

	@Autowired
	LicenceWallet wallet;

	@Autowired
	JdbcClient jdbc;

	/** 张三's flat transfer of this flat, accepted at the hall's window. */
	Application fileFlatTransferAt(String hall, RegistryControl.Flat flat) {
		return this.applications.submit(
				new Submission(null, "flat-transfer", Subject.person(ResidentId.of(Matters.SELLER)), Channel.HALL,
						MattersInProcess.flatTransferForm(flat, Matters.BUYER))
					.atHall(hall),
				Actor.clerk("clerk1"), null);
	}

	static List<String> departmentsAndItems(JsonNode application) {
		List<String> tasks = new ArrayList<>();
		for (JsonNode task : application.path("tasks")) {
			tasks.add(task.path("department").asString() + " " + task.path("itemCode").asString());
		}
		return tasks;
	}

	static List<String> departmentsAndItems(Application application) {
		return application.tasks()
			.stream()
			.map((task) -> task.plan().departmentCode() + " " + task.plan().itemCode())
			.toList();
	}

	@Test
	void routesEachTaskOfACitywideBundleToTheOwningCountysDepartment() throws Exception {
		RegistryControl.Flat flat = Matters.mintFlat(this.server.registries(), "西山区");
		OneVisitHttp http = this.server.http();
		Matters matters = this.server.matters(http);

		JsonNode filed = withMaterials(matters, matters.confirmAsParties(matters.file(flat)));

		String tracking = filed.path("trackingNo").asString();
		assertThat(departmentsAndItems(filed)).containsExactlyInAnyOrder("housing 339900-HOUSING-001",
				"tax 339900-TAX-001", "nr-339903 339903-NR-001");
		String taskId = Matters.taskId(filed, "nr-339903");

		// the county's reviewer sees it in the inbox, under the item's name
		OneVisitHttp west = this.server.signedIn("reviewer-nr-339903");
		assertThat(Jsoup.parse(west.get("/review").body()).select("tr:contains(" + tracking + ")").text())
			.contains("存量房买卖转移登记");
		// the city's registration centre neither sees nor decides it
		OneVisitHttp city = this.server.signedIn("reviewer-nr");
		assertThat(city.get("/review").body()).doesNotContain(tracking);
		assertThat(city.get("/review/tasks/" + taskId).statusCode()).isEqualTo(404);
		String path = "/api/v1/tasks/" + taskId + "/decisions";
		HttpResponse<String> refused = http.postJson(path, "{\"decision\":\"APPROVE\"}", "Authorization",
				matters.bearer("reviewer-nr"));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
		assertThat(OneVisitHttp.json(refused).path("code").asString()).isEqualTo("task_not_found");

		HttpResponse<String> accepted = http.postJson(path, "{\"decision\":\"APPROVE\"}", "Authorization",
				matters.bearer("reviewer-nr-339903"));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		assertThat(Matters.task(OneVisitHttp.json(accepted), "nr-339903").path("step").asString()).isEqualTo("examine");
	}

	@Test
	void aBundleFiledAtTheOtherCountysHallGoesToTheCountyWhereTheFlatLiesAndComesBackThroughTheAcceptingHall() {
		// 张三's household is in 东湖区: by the household, the city's centre would have it
		RegistryControl.Flat flat = Matters.mintFlat(this.server.registries(), "西山区");

		Application filed = fileFlatTransferAt("east", flat);

		assertThat(departmentsAndItems(filed)).containsExactlyInAnyOrder("housing 339900-HOUSING-001",
				"tax 339900-TAX-001", "nr-339903 339903-NR-001");
		assertThat(filed.hallCode()).isEqualTo("east");
		assertThat(MattersInProcess.owningHallOf(this.jdbc, filed)).isEqualTo("west");
		// 统一出件: picked up at the hall that accepted it, not the owning county's
		Actor zhang = Actor.applicant("applicant1", Subject.person(ResidentId.of(Matters.SELLER)));
		assertThat(this.deliveries
			.choose(filed.id(), new Deliveries.Choice(Delivery.Method.PICKUP, null, null, null, null), zhang)
			.hallCode()).isEqualTo("east");
	}

	@Test
	void aBundleAboutAFlatInTheEastCountyStaysWithTheCitysCentreWhicheverHallAcceptsIt() {
		// 东湖区 has no registration office of its own: the city's centre registers its
		// flats
		RegistryControl.Flat flat = Matters.mintFlat(this.server.registries(), "东湖区");

		Application filed = fileFlatTransferAt("west", flat);

		assertThat(departmentsAndItems(filed)).containsExactlyInAnyOrder("housing 339900-HOUSING-001",
				"tax 339900-TAX-001", "nr 339900-NR-001");
		assertThat(filed.hallCode()).isEqualTo("west");
		assertThat(MattersInProcess.owningHallOf(this.jdbc, filed)).isNull();
	}

	@Test
	void theOwningCountysOfficeRegistersTheTransferAndIssuesTheBuyersCertificate() throws Exception {
		RegistryControl.Flat flat = Matters.mintFlat(this.server.registries(), "西山区");
		OneVisitHttp http = this.server.http();
		Matters matters = this.server.matters(http);
		JsonNode filed = matters.confirmAsParties(matters.file(flat));
		String tracking = filed.path("trackingNo").asString();

		// every step by the demo's people of its department (登簿 by the county's second
		// registrar, reviewer-nr2-339903), then paid
		matters.approveAll(withMaterials(matters, filed));
		matters.payThroughTheSimulator(filed);

		// the register is written from the county's item with the bundle's answers
		RegistryControl.Certificate old = eventually(
				() -> this.server.registries().certificate(flat.certificateNo()).orElse(null),
				(certificate) -> certificate != null && "已注销".equals(certificate.status()));
		assertThat(this.server.registries()
			.subjectsMatching("realestate.ownership", (record) -> old.successor().equals(record.get("certificateNo"))))
			.containsExactly(Matters.BUYER);
		// and the county's office issues the buyer's certificate under the new number
		List<Licence> issued = eventually(() -> this.wallet.issuedFor(tracking), (found) -> !found.isEmpty());
		assertThat(issued).singleElement().satisfies((licence) -> {
			assertThat(licence.typeName()).isEqualTo("不动产权证书");
			assertThat(licence.number()).isEqualTo(old.successor());
			assertThat(licence.holder().identifier()).isEqualTo(Matters.BUYER);
			assertThat(licence.itemCode()).isEqualTo("339903-NR-001");
			assertThat(licence.issuerDepartment()).isEqualTo("nr-339903");
		});
	}

	/** The application once its registry materials are fetched. */
	JsonNode withMaterials(Matters matters, JsonNode application) throws InterruptedException {
		OneVisitHttp http = this.server.http();
		String path = "/api/v1/applications/" + application.path("id").asString();
		String clerk = matters.bearer("clerk1");
		return eventually(() -> OneVisitHttp.json(http.get(path, "Authorization", clerk)),
				(latest) -> !latest.path("materials").toString().contains("PENDING_FETCH"));
	}

}
