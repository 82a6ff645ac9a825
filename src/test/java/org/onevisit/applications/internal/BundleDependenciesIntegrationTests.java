package org.onevisit.applications.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.Problems;
import org.onevisit.shared.CreditCode;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.applications.Channel;
import org.onevisit.applications.Decision;
import org.onevisit.applications.InboxEntry;
import org.onevisit.applications.MaterialRecord;
import org.onevisit.applications.MattersInProcess;
import org.onevisit.applications.TaskStatus;
import org.onevisit.applications.Uploads;
import org.onevisit.identity.Actor;
import org.onevisit.licences.Licence;
import org.onevisit.licences.LicenceWallet;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onevisit.applications.MattersInProcess.taskOfItem;

/**
 * Bundles whose items wait for a business licence and open when it is issued: the
 * business start-up (the seal, the tax and the social insurance registrations) and the
 * restaurant (the food business permit and the fire check wait for the individual
 * business's licence).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BundleDependenciesIntegrationTests {

	static final String LICENCE_ITEM = "339900-SAMR-001";

	static final String SHOP_ITEM = "339900-SAMR-002";

	static final String FOOD_PERMIT_ITEM = "339900-SAMR-003";

	static final String FIRE_CHECK_ITEM = "339900-FIRE-001";

	static final List<String> WAITING_ITEMS = List.of("339900-POLICE-002", "339900-TAX-002", "339900-TAX-003",
			"339900-HRSS-001");

	@Autowired
	OneVisitServer server;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	LicenceWallet licences;

	@Autowired
	Uploads uploads;

	/** A founder nobody else's test names: no licence held, no other matter. */
	static ResidentId aNewFounder() {
		return ResidentId.completing("33990219880101" + ThreadLocalRandom.current().nextInt(100, 1000));
	}

	Application fileABusinessStartup(ResidentId founder) {
		Map<String, Object> form = new HashMap<>();
		form.put("companyName", "示范市开办测试" + UUID.randomUUID().toString().substring(0, 8) + "有限公司");
		form.put("legalRepresentativeId", founder.value());
		form.put("legalRepresentativeName", "赵创业");
		form.put("registeredCapital", 100);
		form.put("address", "示范市东湖区创业路1号");
		form.put("businessScope", "餐饮服务");
		form.put("sealKinds", "公章");
		form.put("accountant", "钱会计");
		form.put("invoiceType", "数电发票（普通发票）");
		form.put("employeeCount", 3);
		Map<String, String> files = uploaded("articles", "officer-appointment");
		return this.applications.submit(
				new Submission(null, "business-startup", Subject.person(founder), Channel.ONLINE, form, files),
				Actor.applicant("applicant1"), UUID.randomUUID().toString());
	}

	/** A scan of each material, uploaded by applicant1: material code → upload id. */
	Map<String, String> uploaded(String... materials) {
		return MattersInProcess.uploaded(this.uploads, materials);
	}

	Application approveEveryStep(Application application, String item) {
		return MattersInProcess.approveEveryStepOf(this.applications, taskOfItem(application, item), application);
	}

	Application reload(ApplicationId id) {
		return this.applications.find(id, Actor.system());
	}

	boolean inAnInbox(Application application, String department) {
		return this.applications.inbox(Actor.reviewer("reviewer-" + department, department), InboxEntry.Filter.ALL)
			.stream()
			.anyMatch((entry) -> entry.application().equals(application.id()));
	}

	@Test
	void theBusinessLicenceOpensTheTasksThatWaitForItAndTheMatterIsApprovedLast() {
		Application filed = fileABusinessStartup(aNewFounder());

		assertThat(taskOfItem(filed, LICENCE_ITEM).status()).isEqualTo(TaskStatus.IN_REVIEW);
		assertThat(WAITING_ITEMS)
			.allSatisfy((item) -> assertThat(taskOfItem(filed, item).status()).isEqualTo(TaskStatus.AWAITING_RESULT));
		assertThat(inAnInbox(filed, "samr")).isTrue();
		assertThat(List.of("police", "tax", "hrss")).noneMatch((department) -> inAnInbox(filed, department));
		assertThat(this.applications.underReviewDueBy(taskOfItem(filed, "339900-TAX-002").statutoryDue().plusYears(1)))
			.noneMatch((entry) -> entry.application().equals(filed.id()) && !entry.itemCode().equals(LICENCE_ITEM));
		assertThat(filed.materials()).filteredOn((material) -> material.code().equals("business-licence"))
			.singleElement()
			.extracting(MaterialRecord::state)
			.isEqualTo(MaterialRecord.State.PENDING_LICENCE);

		Application decided = this.applications.decide(taskOfItem(filed, LICENCE_ITEM).id(), Decision.Approve.here(),
				Actor.reviewer("reviewer-samr", "samr"), null);
		assertThat(decided.status()).isEqualTo(ApplicationStatus.IN_REVIEW);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(WAITING_ITEMS)
				.allSatisfy((item) -> assertThat(taskOfItem(reload(filed.id()), item).status())
					.isEqualTo(TaskStatus.IN_REVIEW)));
		List<Licence> issued = this.licences.issuedFor(filed.trackingNumber());
		assertThat(issued).singleElement().satisfies((licence) -> {
			assertThat(licence.itemCode()).isEqualTo(LICENCE_ITEM);
			assertThat(licence.typeName()).isEqualTo("营业执照");
			// held by the enterprise the registry registered, under the code it assigned
			assertThat(licence.holder().business()).isNotNull();
			String code = licence.holder().business().value();
			assertThat(CreditCode.isValid(code)).isTrue();
			assertThat(licence.number()).isEqualTo(code);
			assertThat(this.server.registries().enterprises())
				.filteredOn((enterprise) -> enterprise.creditCode().equals(code))
				.singleElement()
				.satisfies((enterprise) -> assertThat(enterprise.active()).isTrue());
		});
		Application opened = reload(filed.id());
		assertThat(opened.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
		assertThat(opened.materials()).filteredOn((material) -> material.code().equals("business-licence"))
			.singleElement()
			.satisfies((material) -> {
				assertThat(material.state()).isEqualTo(MaterialRecord.State.LICENCE_HELD);
				assertThat(material.reference()).isEqualTo(issued.get(0).id().toString());
			});
		assertThat(List.of("police", "tax", "hrss")).allMatch((department) -> inAnInbox(opened, department));

		Application last = opened;
		for (String item : WAITING_ITEMS) {
			String department = taskOfItem(opened, item).plan().departmentCode();
			last = this.applications.decide(taskOfItem(opened, item).id(), Decision.Approve.here(),
					Actor.reviewer("reviewer-" + department, department), null);
		}

		assertThat(last.status()).isEqualTo(ApplicationStatus.APPROVED);
		// the matter's approval issues the business licence no second time
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.licences.issuedFor(filed.trackingNumber()).size() == 1);
	}

	/**
	 * 开餐馆一件事, filed by its operator 张三 (so no other party confirms): the shop's
	 * registration is written to the enterprise registry as an individual business, its
	 * licence opens the permit and the fire check, and the matter ends with three
	 * licences. Before the registry took individual businesses, no such matter ever
	 * finished.
	 */
	@Test
	void aRestaurantIsRegisteredAsAnIndividualBusinessAndEndsWithItsThreeLicences() {
		Application filed = fileARestaurant("示范小馆" + UUID.randomUUID().toString().substring(0, 8));
		assertThat(taskOfItem(filed, SHOP_ITEM).status()).isEqualTo(TaskStatus.IN_REVIEW);
		assertThat(List.of(FOOD_PERMIT_ITEM, FIRE_CHECK_ITEM))
			.allSatisfy((item) -> assertThat(taskOfItem(filed, item).status()).isEqualTo(TaskStatus.AWAITING_RESULT));

		approveEveryStep(filed, SHOP_ITEM);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(List.of(FOOD_PERMIT_ITEM, FIRE_CHECK_ITEM))
				.allSatisfy((item) -> assertThat(taskOfItem(reload(filed.id()), item).status())
					.isEqualTo(TaskStatus.IN_REVIEW)));
		Licence shopLicence = this.licences.issuedFor(filed.trackingNumber()).get(0);
		assertThat(shopLicence.itemCode()).isEqualTo(SHOP_ITEM);
		// an individual business's credit code begins with 92 (GB 32100: 9 工商, 2 个体工商户)
		assertThat(shopLicence.holder().business().value()).startsWith("92");
		assertThat(CreditCode.isValid(shopLicence.holder().business().value())).isTrue();

		approveEveryStep(reload(filed.id()), FOOD_PERMIT_ITEM);
		Application last = approveEveryStep(reload(filed.id()), FIRE_CHECK_ITEM);

		assertThat(last.status()).isEqualTo(ApplicationStatus.APPROVED);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(this.licences.issuedFor(filed.trackingNumber())).extracting(Licence::itemCode)
						.containsExactlyInAnyOrder(SHOP_ITEM, FOOD_PERMIT_ITEM, FIRE_CHECK_ITEM));
		assertThat(this.licences.issuedFor(filed.trackingNumber()))
			.filteredOn((licence) -> !licence.itemCode().equals(SHOP_ITEM))
			.allSatisfy((licence) -> assertThat(licence.number()).isNotBlank());
	}

	Application fileARestaurant(String shopName) {
		return MattersInProcess.fileARestaurant(this.applications, this.uploads, shopName);
	}

	@Test
	void theSameRegistrarMayNotRecordWhatTheyAcceptedAnotherMay() {
		OneVisitHttp http = this.server.http();
		Matters matters = this.server.matters(http);
		JsonNode filed = matters.fileFlatTransfer();
		String tracking = filed.path("trackingNo").asString();
		JsonNode registration = Matters.task(filed, "nr");
		String taskId = registration.path("id").asString();
		long atRecord = registration.path("version").asLong() + 2;
		String decisions = "/api/v1/tasks/" + taskId + "/decisions";
		String approve = "{\"decision\":\"APPROVE\"}";
		for (int step = 0; step < 2; step++) {
			assertThat(http.postJson(decisions, approve, "Authorization", matters.bearer("reviewer-nr")).statusCode())
				.isEqualTo(200);
		}

		OneVisitHttp registrar = this.server.signedIn("reviewer-nr");
		OneVisitHttp second = this.server.signedIn("reviewer-nr2");
		assertThat(registrar.get("/review").body()).doesNotContain(tracking);
		assertThat(second.get("/review").body()).contains(tracking, "登簿");
		HttpResponse<String> refused = http.postJson(decisions, approve, "Authorization",
				matters.bearer("reviewer-nr"));
		Problems.assertProblem(refused, 403, "same_person_not_allowed");
		String caseFile = registrar.get("/review/tasks/" + taskId).body();
		assertThat(caseFile).contains("您已办理本件的“受理”环节", "此处不再向您提供办理操作").doesNotContain("value=\"APPROVE\"");
		registrar.postForm("/review/tasks/" + taskId + "/decision",
				"decision=APPROVE&taskVersion=" + atRecord + "&_csrf=" + OneVisitHttp.csrfTokenOf(caseFile));
		assertThat(registrar.get("/review/tasks/" + taskId).body()).contains("“受理”环节", "须由另一名工作人员办理");

		HttpResponse<String> recorded = http.postJson(decisions, approve, "Authorization",
				matters.bearer("reviewer-nr2"));

		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
		assertThat(OneVisitHttp.json(recorded)
			.path("tasks")
			.valueStream()
			.filter((task) -> task.path("id").asString().equals(taskId))
			.findFirst()
			.orElseThrow()
			.path("status")
			.asString()).isEqualTo("APPROVED");
	}

}
