package org.onevisit.queues.internal;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.TestClock;
import org.onevisit.queues.Appointment;
import org.onevisit.queues.Halls;
import org.onevisit.queues.QueueRefused;
import org.onevisit.queues.QueueStatus;
import org.onevisit.queues.Ticket;
import org.onevisit.shared.WorkingDays;
import org.onevisit.privacy.PersonalData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Appointments, tickets and calls at the halls, on a clock the test sets; the pages run
 * on a Wednesday morning, when the halls are open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(QueuesIntegrationTests.WednesdayMorning.class)
class QueuesIntegrationTests {

	static final LocalDateTime WEDNESDAY_MORNING = LocalDateTime.of(2026, 12, 2, 10, 0);

	@TestConfiguration(proxyBeanMethods = false)
	static class WednesdayMorning {

		@Bean
		@Primary
		TestClock wednesdayMorning() {
			return TestClock.at(WEDNESDAY_MORNING);
		}

	}

	@Autowired
	OneVisitServer server;

	@Autowired
	PersonalData personalData;

	@Autowired
	Halls halls;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays calendar;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	TestClock clock;

	QueueService queues;

	@BeforeEach
	void queuesOnATestClock() {
		this.clock = TestClock.at(LocalDateTime.of(2026, 11, 30, 10, 0));
		// bookings run in a transaction below, as through the Spring proxy, for the
		// slot lock
		this.queues = new QueueService(this.halls, this.jdbc, this.personalData, this.calendar, this.clock);
	}

	@Test
	void fillsASlotUpToTheHallsWindowsWithOneAppointmentPerPersonAndDay() {
		LocalDate tuesday = LocalDate.of(2026, 12, 1);
		LocalTime nine = LocalTime.of(9, 0);
		for (int person = 1; person <= 3; person++) {
			Appointment booked = book("west", tuesday, nine, "slot-person-" + person);
			assertThat(booked.code()).hasSize(6).doesNotContain("0", "O", "1", "I");
		}

		assertThatThrownBy(() -> book("west", tuesday, nine, "slot-person-4")).isInstanceOf(QueueRefused.class)
			.extracting("code")
			.isEqualTo("appointment_slot_full");
		assertThatThrownBy(() -> book("west", tuesday, LocalTime.of(10, 0), "slot-person-1")).extracting("code")
			.isEqualTo("appointment_already_booked");
		assertThat(this.queues.freeSlots("west", tuesday)).doesNotContain(nine).contains(LocalTime.of(9, 30));
		assertThat(this.queues.freeSlots("west", tuesday)).doesNotContain(LocalTime.of(12, 0), LocalTime.of(13, 0));
	}

	@Test
	void refusesTimesTheHallIsClosedWeekendsHolidaysAndThePast() {
		assertThatThrownBy(() -> book("west", LocalDate.of(2026, 12, 5), LocalTime.of(9, 0), "closed-1"))
			.extracting("code")
			.isEqualTo("hall_closed");
		assertThatThrownBy(() -> book("west", LocalDate.of(2026, 12, 1), LocalTime.of(12, 30), "closed-2"))
			.extracting("code")
			.isEqualTo("hall_closed");
		assertThatThrownBy(() -> book("west", LocalDate.of(2026, 11, 30), LocalTime.of(9, 30), "closed-3"))
			.extracting("code")
			.isEqualTo("appointment_in_past");
		this.clock.set(LocalDateTime.of(2026, 9, 28, 10, 0));
		assertThat(this.queues.freeSlots("west", LocalDate.of(2026, 10, 2))).isEmpty();
		assertThatThrownBy(() -> book("west", LocalDate.of(2026, 10, 2), LocalTime.of(9, 0), "closed-4"))
			.extracting("code")
			.isEqualTo("hall_closed");
	}

	@Test
	void booksOnlyWithinThirtyDaysAndNeverOnAFixedStatutoryHolidayOfAnUnpublishedYear() {
		// the clock says 30 November 2026
		assertThat(book("west", LocalDate.of(2026, 12, 30), LocalTime.of(9, 0), "ahead-1").day())
			.isEqualTo(LocalDate.of(2026, 12, 30));
		assertThatThrownBy(() -> book("west", LocalDate.of(2026, 12, 31), LocalTime.of(9, 0), "ahead-2"))
			.extracting("code")
			.isEqualTo("appointment_too_far_ahead");
		assertThat(this.queues.freeSlots("west", LocalDate.of(2026, 12, 31))).isEmpty();
		assertThatThrownBy(() -> book("west", LocalDate.of(2030, 3, 5), LocalTime.of(9, 0), "ahead-3"))
			.extracting("code")
			.isEqualTo("appointment_too_far_ahead");

		// 2027 has no published schedule yet: Friday 1 January is still New Year's Day
		this.clock.set(LocalDateTime.of(2026, 12, 20, 10, 0));
		assertThat(this.queues.freeSlots("west", LocalDate.of(2027, 1, 1))).isEmpty();
		assertThatThrownBy(() -> book("west", LocalDate.of(2027, 1, 1), LocalTime.of(9, 0), "new-year"))
			.extracting("code")
			.isEqualTo("hall_closed");
	}

	@Test
	void drawsATicketOnlyWhileTheHallIsOpen() {
		this.clock.set(LocalDateTime.of(2026, 12, 2, 8, 0));
		assertThatThrownBy(() -> this.queues.draw("west", null, null)).extracting("code")
			.isEqualTo("hall_not_open_now");
		this.clock.set(LocalDateTime.of(2026, 12, 2, 12, 30));
		assertThatThrownBy(() -> this.queues.draw("west", null, null)).as("lunch")
			.extracting("code")
			.isEqualTo("hall_not_open_now");
		this.clock.set(LocalDateTime.of(2026, 12, 5, 10, 0));
		assertThatThrownBy(() -> this.queues.draw("west", null, null)).as("Saturday")
			.extracting("code")
			.isEqualTo("hall_not_open_now");
	}

	@Test
	void aWrongAppointmentCodeAtTheDeskIsAMessageOnTheDesk() {
		OneVisitHttp clerk = this.server.http().onServerClock(TestClock.at(WEDNESDAY_MORNING));
		clerk.logIn("clerk1", "onevisit-demo");
		String desk = clerk.get("/hall/queue?hall=west&window=2").body();

		HttpResponse<String> drawn = clerk.postForm("/hall/queue/tickets",
				"hall=west&window=2&appointmentCode=ZZZZ99&_csrf=" + OneVisitHttp.csrfTokenOf(desk));

		assertThat(drawn.statusCode()).isEqualTo(302);
		HttpResponse<String> back = clerk.get(pathOf(drawn));
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(back.body()).contains("今天在本大厅没有预约码 ZZZZ99");
	}

	@Test
	void callsAppointmentsBeforeWalkInsAndEstimatesTheWaitFromTheQueue() {
		this.clock.set(LocalDateTime.of(2026, 12, 1, 16, 0));
		Appointment booked = book("east", LocalDate.of(2026, 12, 2), LocalTime.of(9, 30), "queue-person");
		this.clock.set(LocalDateTime.of(2026, 12, 2, 9, 5));

		Ticket first = this.queues.draw("east", null, null);
		Ticket second = this.queues.draw("east", null, null);
		Ticket byAppointment = this.queues.draw("east", null, booked.code().toLowerCase());

		assertThat(first.number()).isEqualTo("A001");
		assertThat(second.number()).isEqualTo("A002");
		assertThat(second.waitingAhead()).isEqualTo(1);
		assertThat(byAppointment.number()).isEqualTo("B003");
		assertThat(byAppointment.waitingAhead()).isZero();
		QueueStatus status = this.queues.status("east");
		assertThat(status.waiting()).isEqualTo(3);
		// three tickets, ten minutes each, four windows
		assertThat(status.expectedWaitMinutes()).isEqualTo(8);
		assertThat(status.open()).isTrue();

		assertThat(this.queues.callNext("east", 1, "clerk1"))
			.hasValueSatisfying((called) -> assertThat(called.number()).isEqualTo("B003"));
		assertThat(this.queues.callNext("east", 2, "clerk1"))
			.hasValueSatisfying((called) -> assertThat(called.number()).isEqualTo("A001"));
		assertThat(this.queues.status("east").calling()).extracting(QueueStatus.Called::number)
			.containsExactlyInAnyOrder("B003", "A001");
		this.clock.set(LocalDateTime.of(2026, 12, 2, 9, 20));
		assertThat(this.queues.callNext("east", 1, "clerk1"))
			.hasValueSatisfying((called) -> assertThat(called.number()).isEqualTo("A002"));
		assertThat(this.queues.callNext("east", 2, "clerk1")).isEmpty();
		assertThat(this.queues.status("east").waiting()).isZero();

		assertThatThrownBy(() -> this.queues.draw("east", null, booked.code())).extracting("code")
			.isEqualTo("appointment_code_unknown");
		assertThatThrownBy(() -> this.queues.callNext("east", 9, "clerk1")).extracting("code")
			.isEqualTo("hall_window_unknown");
	}

	@Test
	void showsEveryHallsQueueToAnyoneOnThePageAndThroughTheApi() {
		OneVisitHttp anyone = this.server.http();
		HttpResponse<String> page = anyone.get("/halls");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(page.body()).select("#queues[hx-trigger]").attr("hx-trigger")).isEqualTo("every 5s");
		assertThat(page.body()).contains("示范市政务服务中心", "示范市东区便民服务中心", "预计等候");

		HttpResponse<String> api = anyone.get("/api/v1/halls");
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(OneVisitHttp.json(api).get(0).path("hall").path("code").asString()).isEqualTo("city");
		assertThat(OneVisitHttp.json(api).get(0).has("expectedWaitMinutes")).isTrue();
	}

	@Test
	void aCitizenBooksOnTheirPageAndCannotBookTwiceADay() {
		OneVisitHttp citizen = this.server.signedIn("applicant2");
		LocalDate day = this.calendar.addWorkingDays(WEDNESDAY_MORNING.toLocalDate(), 3).date();
		String page = citizen.get("/my/appointments?hall=city&day=" + day).body();
		String slot = Jsoup.parse(page).select("input[name=slot]").first().val();

		HttpResponse<String> booked = citizen.postForm("/my/appointments",
				"hall=city&day=" + day + "&slot=" + slot + "&item=&_csrf=" + OneVisitHttp.csrfTokenOf(page));

		assertThat(booked.statusCode()).isEqualTo(302);
		String after = citizen.get(pathOf(booked)).body();
		assertThat(after).contains("预约成功", "已预约", "示范市政务服务中心");
		String code = Jsoup.parse(after).select("[role=status]").text().replaceAll(".*预约码 ([A-Z0-9]{6}).*", "$1");
		assertThat(code).hasSize(6);

		HttpResponse<String> again = citizen.postForm("/my/appointments",
				"hall=city&day=" + day + "&slot=" + slot + "&_csrf=" + OneVisitHttp.csrfTokenOf(after));
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(citizen.get(pathOf(again)).body()).contains("您当天已有预约");
	}

	@Test
	void aClerkDrawsAWalkInTicketAndCallsItToTheirWindow() {
		OneVisitHttp clerk = this.server.http().onServerClock(TestClock.at(WEDNESDAY_MORNING));
		clerk.logIn("clerk1", "onevisit-demo");
		String desk = clerk.get("/hall/queue?hall=west&window=2").body();

		HttpResponse<String> drawn = clerk.postForm("/hall/queue/tickets",
				"hall=west&window=2&appointmentCode=&_csrf=" + OneVisitHttp.csrfTokenOf(desk));
		String ticket = Jsoup.parse(clerk.get(pathOf(drawn)).body()).select(".ticket-number").text();
		assertThat(ticket).matches("A\\d{3}");

		HttpResponse<String> called = clerk.postForm("/hall/queue/call",
				"hall=west&window=2&_csrf=" + OneVisitHttp.csrfTokenOf(desk));
		assertThat(clerk.get(pathOf(called)).body()).contains("请 " + ticket + " 号到 2 号窗口办理");
		assertThat(this.server.http().get("/halls").body()).contains(ticket + " 号请到 2 号窗口");
	}

	static String pathOf(HttpResponse<String> redirect) {
		return redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", "");
	}

	Appointment book(String hall, LocalDate day, LocalTime slot, String person) {
		return this.transactions.execute((status) -> this.queues.book(hall, null, day, slot, person, "测试"));
	}

}
