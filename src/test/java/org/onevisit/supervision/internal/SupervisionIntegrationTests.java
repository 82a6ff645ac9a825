package org.onevisit.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.TestClock;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.MattersInProcess;
import org.onevisit.identity.Actor;
import org.onevisit.shared.Subject;
import org.onevisit.shared.WorkingDays;
import org.onevisit.supervision.SupervisedTask;
import org.onevisit.supervision.Timeliness;
import org.onevisit.supervision.Warning;
import org.onevisit.supervision.WarningChannel;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task due on the first working day after National Day 2026 (1-7 October off), watched
 * with the clock moved across the holiday week: warnings at the right day, once each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisionIntegrationTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays calendar;

	@Autowired
	org.onevisit.catalog.Directory directory;

	@Test
	void warnsTheDepartmentYellowBeforeTheHolidayWeekAndRedAfterItOnceEach() {
		JsonNode filed = this.server.matters().fileFlatTransfer();
		String tax = Matters.taskId(filed, "tax");
		// the fixture: this task was filed before the holiday, due right after it
		this.jdbc
			.sql("update applications_task set committed_due = :committed, statutory_due = :statutory where id = :id")
			.param("committed", LocalDate.of(2026, 10, 8))
			.param("statutory", LocalDate.of(2026, 10, 12))
			.param("id", UUID.fromString(tax))
			.update();
		TestClock clock = TestClock.at(LocalDateTime.of(2026, 9, 29, 9, 0));
		List<Warning> sent = new ArrayList<>();
		SupervisionService supervision = supervisionOn(clock, List.of(sent::add));

		supervision.scan();
		assertThat(sent).noneMatch((warning) -> warning.task().toString().equals(tax));
		assertThat(lightOf(supervision, tax)).isNull();

		clock.set(LocalDateTime.of(2026, 9, 30, 9, 0));
		supervision.scan();
		assertThat(lightOf(supervision, tax)).isEqualTo(Timeliness.Light.YELLOW);
		assertThat(warningsFor(sent, tax)).containsExactly(Warning.Level.YELLOW);

		clock.set(LocalDateTime.of(2026, 10, 4, 9, 0));
		supervision.scan();
		assertThat(warningsFor(sent, tax)).as("not again during the holiday").containsExactly(Warning.Level.YELLOW);

		clock.set(LocalDateTime.of(2026, 10, 9, 9, 0));
		supervision.scan();
		assertThat(lightOf(supervision, tax)).isEqualTo(Timeliness.Light.RED);
		assertThat(warningsFor(sent, tax)).containsExactly(Warning.Level.YELLOW, Warning.Level.RED);

		clock.set(LocalDateTime.of(2026, 10, 13, 9, 0));
		supervision.scan();
		// a restart is a new service on the same table: nothing is sent twice
		supervisionOn(clock, List.of(sent::add)).scan();
		assertThat(warningsFor(sent, tax)).containsExactly(Warning.Level.YELLOW, Warning.Level.RED,
				Warning.Level.STATUTORY);
		assertThat(supervision.warningsTo("tax")).filteredOn((warning) -> warning.task().toString().equals(tax))
			.hasSize(3);
		assertThat(supervision.board().get("tax").pastStatutory()).isGreaterThanOrEqualTo(1);

		OneVisitHttp reviewer = this.server.signedIn("reviewer-tax");
		assertThat(reviewer.get("/review/warnings").body()).contains(filed.path("trackingNo").asString(), "红灯督办");
		OneVisitHttp supervisor = this.server.signedIn("supervisor1");
		assertThat(supervisor.get("/supervision").statusCode()).isEqualTo(200);
		assertThat(supervisor.get("/supervision/applications/" + filed.path("id").asString()).body())
			.contains(filed.path("trackingNo").asString(), "税务");
		OneVisitHttp applicant = this.server.signedIn("applicant1");
		assertThat(applicant.get("/supervision").statusCode()).isEqualTo(403);
	}

	@Test
	void countsTheTasksAcceptedAtEachHallApartFromThoseFiledOnline() {
		java.util.Map<String, Object> form = MattersInProcess
			.flatTransferForm(Matters.mintFlat(this.server.registries()), Matters.BUYER);
		org.onevisit.applications.Application filed = this.applications
			.submit(new ApplicationManagement.Submission(null, "flat-transfer",
					Subject.person(org.onevisit.shared.ResidentId.of(Matters.SELLER)),
					org.onevisit.applications.Channel.HALL, form)
				.atHall("east"), Actor.clerk("clerk1"), null);
		// the buyer, present at the same window, confirms there
		MattersInProcess.confirmAtTheWindow(this.applications, filed, "east");
		this.jdbc.sql("update applications_task set committed_due = :due where application_id = :id")
			.param("due", LocalDate.now().minusDays(3))
			.param("id", filed.id().value())
			.update();
		SupervisionService supervision = supervisionOn(Clock.systemDefaultZone(), List.of());

		assertThat(supervision.watchList(null, "east")).extracting(SupervisedTask::application)
			.contains(filed.id().value());
		assertThat(supervision.watchList(null, "west")).extracting(SupervisedTask::application)
			.doesNotContain(filed.id().value());
		assertThat(supervision.hallBoard().get("east").red()).isGreaterThanOrEqualTo(3);
		OneVisitHttp supervisor = this.server.signedIn("supervisor1");
		assertThat(supervisor.get("/supervision?hall=east").body()).contains("示范市东区便民服务中心", filed.trackingNumber());
	}

	/**
	 * The supervision service as the application makes it, on a clock and channels of the
	 * test's.
	 */
	SupervisionService supervisionOn(Clock clock, List<WarningChannel> channels) {
		return new SupervisionService(this.applications, this.jdbc, channels, this.calendar, clock, this.directory);
	}

	static Timeliness.Light lightOf(SupervisionService supervision, String task) {
		return supervision.watchList("tax", null)
			.stream()
			.filter((watched) -> watched.task().toString().equals(task))
			.map(SupervisedTask::timeliness)
			.map(Timeliness::light)
			.findFirst()
			.orElse(null);
	}

	static List<Warning.Level> warningsFor(List<Warning> sent, String task) {
		return sent.stream().filter((warning) -> warning.task().toString().equals(task)).map(Warning::level).toList();
	}

}
