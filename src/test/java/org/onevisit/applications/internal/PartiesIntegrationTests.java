package org.onevisit.applications.internal;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.Problems;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.applications.InboxEntry;
import org.onevisit.applications.MaterialRecord;
import org.onevisit.applications.PartyConfirmation;
import org.onevisit.identity.Actor;
import org.onevisit.messages.Inbox;
import org.onevisit.queues.WindowIdentityChecks;
import org.onevisit.messages.Message;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import org.onevisit.shared.WorkingDays;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The parties of a matter confirm it before any department reviews it: 张三 sells the flat
 * he owns with his wife 王芳 to 李四, and both of them must say yes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartiesIntegrationTests {

	static final String ZHANG_SAN = Matters.SELLER;

	static final String LI_SI = Matters.BUYER;

	@Autowired
	OneVisitServer server;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays calendar;

	@Autowired
	Inbox inbox;

	@Autowired
	WindowIdentityChecks identityChecks;

	/** A new visitor for each test. */
	@Autowired
	OneVisitHttp http;

	/** Matters filed and decided through this test's visitor. */
	Matters matters() {
		return this.server.matters(this.http);
	}

	JsonNode awaiting(String person, String application) {
		JsonNode mine = OneVisitHttp
			.json(this.http.get("/api/v1/my/confirmations", "Authorization", matters().bearer(person)));
		return mine.valueStream()
			.filter((part) -> part.path("application").asString().equals(application))
			.findFirst()
			.orElse(null);
	}

	HttpResponse<String> answer(String person, String confirmation, String body) {
		return this.http.postJson("/api/v1/confirmations/" + confirmation, body, "Authorization",
				matters().bearer(person));
	}

	List<String> taskStatuses(String application) {
		return this.jdbc.sql("select status from applications_task where application_id = cast(:id as uuid)")
			.param("id", application)
			.query(String.class)
			.list();
	}

	@Test
	void theFlatTransferWaitsForTheCoOwnerWhoJoinsByHerselfAndForTheBuyerBeforeAnyTaskOpens() {
		JsonNode filed = matters().fileFlatTransferAwaitingParties();
		String id = filed.path("id").asString();

		assertThat(filed.path("status").asString()).isEqualTo("AWAITING_PARTIES");
		assertThat(filed.path("parties")
			.valueStream()
			.map((part) -> part.path("role").asString() + ":" + part.path("state").asString()))
			.containsExactly("SELLER:CONFIRMED", "CO_OWNER:PENDING", "BUYER:PENDING");
		assertThat(taskStatuses(id)).hasSize(3).containsOnly("AWAITING_PARTIES");
		assertThat(this.applications.inbox(Actor.reviewer("reviewer-nr", "nr"), InboxEntry.Filter.ALL))
			.noneMatch((entry) -> entry.application().value().toString().equals(id));
		JsonNode wife = awaiting("applicant3", id);
		JsonNode buyer = awaiting("applicant2", id);
		assertThat(wife.path("role").asString()).isEqualTo("CO_OWNER");
		assertThat(buyer.path("role").asString()).isEqualTo("BUYER");

		assertThat(answer("applicant3", wife.path("id").asString(), "{\"decision\":\"ACCEPT\"}").statusCode())
			.isEqualTo(200);
		assertThat(taskStatuses(id)).containsOnly("AWAITING_PARTIES");
		assertThat(awaiting("applicant3", id)).isNull();
	}

	@Test
	void opensTheTasksWhenTheLastPartyConfirmsCountingTheirDueDatesFromThatDayAndCollectsTheEvidenceThen() {
		JsonNode filed = matters().fileFlatTransferAwaitingParties();
		String id = filed.path("id").asString();
		// filed a fortnight ago by the provisional dates: the committed limit must not
		// count from then
		LocalDate longAgo = LocalDate.now().minusDays(14);
		this.jdbc.sql("update applications_task set committed_due = :day where application_id = cast(:id as uuid)")
			.param("day", longAgo)
			.param("id", id)
			.update();

		answer("applicant3", awaiting("applicant3", id).path("id").asString(), "{\"decision\":\"ACCEPT\"}");
		HttpResponse<String> last = answer("applicant2", awaiting("applicant2", id).path("id").asString(),
				"{\"decision\":\"ACCEPT\"}");

		assertThat(last.statusCode()).isEqualTo(200);
		assertThat(OneVisitHttp.json(last).path("hash").asString()).hasSize(64);
		var matter = this.applications.find(new ApplicationId(UUID.fromString(id)), Actor.system());
		assertThat(matter.status()).isIn(ApplicationStatus.IN_REVIEW, ApplicationStatus.WAITING_FOR_SUPPLEMENT,
				ApplicationStatus.APPROVED);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		assertThat(matter.tasks()).allSatisfy((task) -> assertThat(task.committedDue())
			.isEqualTo(this.calendar.addWorkingDays(today, task.plan().committedLimit()).date()));
		assertThat(matter.parties()).allMatch((part) -> part.state() == PartyConfirmation.State.CONFIRMED)
			.allMatch((part) -> part.hash().equals(matter.parties().get(0).hash()));
		// evidence is collected only now that the matter is submitted
		await().untilAsserted(() -> assertThat(this.applications.filing(matter.id()).materials())
			.noneMatch((material) -> material.state() == MaterialRecord.State.PENDING_FETCH));
		assertThat(waitingFor(id)).as("no longer among the waiting matters").isEmpty();
	}

	@Test
	void aDeclineByTheBuyerEndsTheMatterAndTellsTheSellerWhy() {
		JsonNode filed = matters().fileFlatTransferAwaitingParties();
		String id = filed.path("id").asString();
		String confirmation = awaiting("applicant2", id).path("id").asString();
		assertThat(waitingFor(id)).contains("AWAITING_PARTIES");

		HttpResponse<String> withoutReason = answer("applicant2", confirmation, "{\"decision\":\"DECLINE\"}");
		HttpResponse<String> declined = answer("applicant2", confirmation,
				"{\"decision\":\"DECLINE\",\"reason\":\"成交价格与约定不符\"}");

		assertThat(withoutReason.statusCode()).isEqualTo(400);
		assertThat(OneVisitHttp.json(withoutReason).path("code").asString()).isEqualTo("confirmation_reason_missing");
		assertThat(declined.statusCode()).isEqualTo(200);
		assertThat(this.applications.find(new ApplicationId(UUID.fromString(id)), Actor.system()).status())
			.isEqualTo(ApplicationStatus.DECLINED);
		assertThat(taskStatuses(id)).containsOnly("WITHDRAWN");
		List<Message> told = this.inbox.of(Subject.person(ResidentId.of(ZHANG_SAN)));
		assertThat(told).filteredOn((message) -> message.key().equals("message.partyDeclined"))
			.anySatisfy((message) -> assertThat(message.arguments())
				.containsExactly(filed.path("trackingNo").asString(), "成交价格与约定不符"));
		assertThat(awaiting("applicant3", id)).isNull();
		assertThat(waitingFor(id)).isEmpty();
	}

	@Test
	void refusesToConfirmSomeoneElsesPartOrTheSamePartTwiceAsProblems() {
		JsonNode filed = matters().fileFlatTransferAwaitingParties();
		String id = filed.path("id").asString();
		String buyers = awaiting("applicant2", id).path("id").asString();

		HttpResponse<String> bySeller = answer("applicant1", buyers, "{\"decision\":\"ACCEPT\"}");
		HttpResponse<String> byWife = answer("applicant3", buyers, "{\"decision\":\"ACCEPT\"}");
		HttpResponse<String> first = answer("applicant2", buyers, "{\"decision\":\"ACCEPT\"}");
		HttpResponse<String> again = answer("applicant2", buyers, "{\"decision\":\"ACCEPT\"}");
		HttpResponse<String> nonsense = answer("applicant2", buyers, "{\"decision\":\"MAYBE\"}");

		Problems.assertProblem(bySeller, 404, "confirmation_not_found");
		assertThat(byWife.statusCode()).isEqualTo(404);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(OneVisitHttp.json(again).path("code").asString()).isEqualTo("confirmation_already_decided");
		assertThat(nonsense.statusCode()).isEqualTo(400);
	}

	@Test
	void theBuyerMayReadTheMatterThatConcernsHimButNotActOnIt() {
		JsonNode filed = matters().fileFlatTransferAwaitingParties();
		String id = filed.path("id").asString();

		HttpResponse<String> read = this.http.get("/api/v1/applications/" + id, "Authorization",
				matters().bearer("applicant2"));
		HttpResponse<String> withdraw = this.http.postJson("/api/v1/applications/" + id + "/withdrawal", "{}",
				"Authorization", matters().bearer("applicant2"));
		HttpResponse<String> stranger = this.http.get("/api/v1/applications/" + id, "Authorization",
				matters().bearer("business1"));

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(OneVisitHttp.json(read).path("status").asString()).isEqualTo("AWAITING_PARTIES");
		assertThat(withdraw.statusCode()).isEqualTo(404);
		assertThat(stranger.statusCode()).isEqualTo(404);
	}

	@Test
	void lapsesAMatterNotConfirmedWithinFifteenWorkingDaysAndTellsTheSeller() {
		String late = matters().fileFlatTransferAwaitingParties().path("id").asString();
		String recent = matters().fileFlatTransferAwaitingParties().path("id").asString();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		backdate(late, fifteenWorkingDaysBefore(today, 15));
		backdate(recent, fifteenWorkingDaysBefore(today, 14));

		this.applications.lapseUnconfirmed(15);

		assertThat(this.applications.find(new ApplicationId(UUID.fromString(late)), Actor.system()).status())
			.isEqualTo(ApplicationStatus.LAPSED);
		assertThat(this.applications.find(new ApplicationId(UUID.fromString(recent)), Actor.system()).status())
			.isEqualTo(ApplicationStatus.AWAITING_PARTIES);
		assertThat(this.inbox.of(Subject.person(ResidentId.of(ZHANG_SAN))))
			.filteredOn((message) -> message.key().equals("message.partiesLapsed"))
			.isNotEmpty();
		assertThat(awaiting("applicant2", late)).isNull();
		assertThat(awaiting("applicant2", recent)).isNotNull();
	}

	@Test
	void aClerkConfirmsForTheBuyerPresentAtTheWindowOnlyWithTheIdentityCheckRecorded() {
		JsonNode filed = matters().fileFlatTransferAwaitingParties();
		String id = filed.path("id").asString();
		String part = awaiting("applicant2", id).path("id").asString();
		OneVisitHttp clerk = this.server.signedIn("clerk1");
		String desk = clerk.get("/hall/confirmations?residentId=" + LI_SI).body();
		assertThat(desk).contains(filed.path("trackingNo").asString(), "买方");

		clerk.postForm("/hall/confirmations/" + part,
				"residentId=" + LI_SI + "&decision=ACCEPT&_csrf=" + OneVisitHttp.csrfTokenOf(desk));
		assertThat(awaiting("applicant2", id)).as("nothing recorded without the identity check").isNotNull();
		assertThat(clerk.get("/hall/confirmations?residentId=" + LI_SI).body()).contains("请先在窗口核验当事人本人身份");
		clerk.postForm("/hall/confirmations/" + part, "residentId=" + LI_SI
				+ "&decision=ACCEPT&check=TICKET&reference=A023&_csrf=" + OneVisitHttp.csrfTokenOf(desk));
		assertThat(clerk.get("/hall/confirmations?residentId=" + LI_SI).body())
			.as("a ticket nobody drew here today is no identity check")
			.contains("今天本大厅没有排队号 A023");
		assertThat(awaiting("applicant2", id)).isNotNull();
		clerk.postForm("/hall/confirmations/" + part,
				"residentId=" + LI_SI + "&decision=ACCEPT&check=ID_CARD" + "&_csrf=" + OneVisitHttp.csrfTokenOf(desk));

		var matter = this.applications.find(new ApplicationId(UUID.fromString(id)), Actor.system());
		assertThat(matter.parties()).filteredOn((p) -> p.role().name().equals("BUYER"))
			.singleElement()
			.satisfies((buyer) -> {
				assertThat(buyer.state()).isEqualTo(PartyConfirmation.State.CONFIRMED);
				assertThat(buyer.window().check()).isEqualTo(PartyConfirmation.IdentityCheck.ID_CARD);
				assertThat(buyer.window().reference()).isEqualTo(ResidentId.of(LI_SI).masked());
				assertThat(buyer.window().clerk()).isEqualTo("clerk1");
				assertThat(buyer.window().hall()).isNotBlank();
			});
		assertThat(this.identityChecks.checkedToday(matter.parties()
			.stream()
			.filter((p) -> p.role().name().equals("BUYER"))
			.findFirst()
			.orElseThrow()
			.window()
			.hall(), LI_SI)).as("one log of window identity checks holds it").isPresent();
		OneVisitHttp seller = this.server.signedIn("applicant1");
		assertThat(seller.get("/my/applications/" + id).body()).contains("当事人确认", "窗口当面", "读取身份证", "待确认")
			.as("the card's number is not repeated to the other parties")
			.doesNotContain("身份证 " + LI_SI);
	}

	private LocalDate fifteenWorkingDaysBefore(LocalDate today, int workingDays) {
		LocalDate day = today;
		while (this.calendar.workingDaysBetween(day, today) < workingDays) {
			day = day.minusDays(1);
		}
		return day;
	}

	/** What the matter waits for, among the waiting matters the lapse job reads. */
	private Optional<String> waitingFor(String application) {
		return this.jdbc.sql("select waiting_for from applications_waiting where application_id = cast(:id as uuid)")
			.param("id", application)
			.query(String.class)
			.optional();
	}

	/** Files the matter on an earlier day: it has waited for its parties since then. */
	private void backdate(String application, LocalDate day) {
		Timestamp at = Timestamp.from(day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
		this.jdbc.sql("update applications_application set submitted_at = :at where id = cast(:id as uuid)")
			.param("at", at)
			.param("id", application)
			.update();
		this.jdbc.sql("update applications_waiting set since = :at where application_id = cast(:id as uuid)")
			.param("at", at)
			.param("id", application)
			.update();
	}

}
