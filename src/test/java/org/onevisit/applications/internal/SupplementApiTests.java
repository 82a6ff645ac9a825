package org.onevisit.applications.internal;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.messages.Inbox;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import org.onevisit.shared.WorkingDays;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 补正 through the API: the reviewer names materials and fields with reasons, the
 * applicant answers each one (uploads and values), and the matter keeps both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupplementApiTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	Inbox inbox;

	@Autowired
	WorkingDays calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	Clock clock;

	@Autowired
	FileUploads uploads;

	/** A new visitor for each test. */
	@Autowired
	OneVisitHttp http;

	Matters matters;

	String seller;

	@BeforeEach
	void matters() {
		this.matters = this.server.matters(this.http);
		this.seller = this.matters.bearer("applicant1");
	}

	/** A flat transfer under review whose tax task asks for a material and a field. */
	record Asked(String id, String material, JsonNode application) {
	}

	Asked aSupplementRequested() {
		JsonNode filed = this.matters.fileFlatTransfer();
		String material = filed.path("materials").path(0).path("code").asString();
		HttpResponse<String> asked = this.http.postJson("/api/v1/tasks/" + Matters.taskId(filed, "tax") + "/decisions",
				"""
						{"decision":"SUPPLEMENT","materials":{"%s":"扫描件不清晰，请重新上传"},
						 "fields":{"paymentMethod":"付款方式与网签合同不一致"}}""".formatted(material), "Authorization",
				this.matters.bearer("reviewer-tax"));
		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
		return new Asked(filed.path("id").asString(), material, OneVisitHttp.json(asked));
	}

	@Test
	void asksForAMaterialAndAFieldWithReasonsAndADeadlineTheApplicantIsTold() {
		Asked asked = aSupplementRequested();

		JsonNode task = Matters.task(asked.application(), "tax");
		LocalDate due = this.calendar.addWorkingDays(LocalDate.now(this.clock), 15).date();
		assertThat(asked.application().path("status").asString()).isEqualTo("WAITING_FOR_SUPPLEMENT");
		assertThat(task.path("supplementDue").asString()).isEqualTo(due.toString());
		assertThat(task.path("asked")
			.valueStream()
			.map((item) -> item.path("kind").asString() + " " + item.path("name").asString() + " "
					+ item.path("label").asString() + " " + item.path("reason").asString()))
			.containsExactly("MATERIAL " + asked.material() + " " + materialName(asked) + " 扫描件不清晰，请重新上传",
					"FIELD paymentMethod 付款方式 付款方式与网签合同不一致");
		assertThat(this.inbox.of(Subject.person(ResidentId.of(Matters.SELLER))))
			.filteredOn((message) -> message.key().equals("message.supplementRequestedBy"))
			.anySatisfy((message) -> assertThat(message.arguments())
				.contains(asked.application().path("trackingNo").asString(), due.toString())
				.anySatisfy((argument) -> assertThat(String.valueOf(argument)).contains("付款方式", "扫描件不清晰")));
	}

	@Test
	void takesTheUploadAndTheCorrectedFieldAndKeepsTheRequestAndTheAnswer() {
		Asked asked = aSupplementRequested();
		String upload = upload(this.seller);

		HttpResponse<String> answered = answer(asked, """
				{"materials":{"%s":"%s"},"fields":{"paymentMethod":"公积金贷款"}}""".formatted(asked.material(), upload));

		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		JsonNode matter = OneVisitHttp.json(answered);
		assertThat(matter.path("status").asString()).isEqualTo("IN_REVIEW");
		JsonNode material = material(matter, asked.material());
		assertThat(material.path("state").asString()).isEqualTo("PROVIDED");
		assertThat(material.path("reference").asString()).isEqualTo(upload);
		JsonNode supplements = OneVisitHttp.json(this.http.get("/api/v1/applications/" + asked.id() + "/supplements",
				"Authorization", this.matters.bearer("reviewer-tax")));
		assertThat(supplements).hasSize(1);
		JsonNode kept = supplements.path(0);
		assertThat(kept.path("items")).hasSize(2);
		assertThat(kept.path("due").asString()).isNotBlank();
		assertThat(kept.path("answeredBy").asString()).isEqualTo("applicant1");
		assertThat(kept.path("changes")
			.valueStream()
			.map((change) -> change.path("kind").asString() + " " + change.path("name").asString() + " "
					+ change.path("before").asString("-") + " -> " + change.path("after").asString()))
			.containsExactlyInAnyOrder("MATERIAL " + asked.material() + " - -> " + upload,
					"FIELD paymentMethod 商业贷款 -> 公积金贷款");
		// the answer is sealed: the values a person gave are not in the clear
		assertThat(this.jdbc.sql("select answer from applications_supplement where application_id = :id")
			.param("id", UUID.fromString(asked.id()))
			.query(String.class)
			.single()).doesNotContain("公积金贷款", "商业贷款");
		// the task's history still says what was asked
		assertThat(OneVisitHttp
			.json(this.http.get("/api/v1/applications/" + asked.id() + "/history", "Authorization", this.seller))
			.valueStream()
			.map((entry) -> entry.path("reason").asString()))
			.anySatisfy((reason) -> assertThat(reason).contains("付款方式", "扫描件不清晰"));
	}

	@Test
	void refusesAnAnswerMissingAnItemAskedAndKeepsNothingOfIt() {
		Asked asked = aSupplementRequested();
		String upload = upload(this.seller);

		HttpResponse<String> refused = answer(asked, """
				{"materials":{"%s":"%s"}}""".formatted(asked.material(), upload));

		assertThat(refused.statusCode()).isEqualTo(422);
		JsonNode problem = OneVisitHttp.json(refused);
		assertThat(problem.path("code").asString()).isEqualTo("supplement_incomplete");
		assertThat(problem.path("errors").valueStream().map((error) -> error.path("field").asString()))
			.containsExactly("paymentMethod");
		JsonNode matter = OneVisitHttp
			.json(this.http.get("/api/v1/applications/" + asked.id(), "Authorization", this.seller));
		assertThat(matter.path("status").asString()).isEqualTo("WAITING_FOR_SUPPLEMENT");
		assertThat(material(matter, asked.material()).path("reference").asString("")).isNotEqualTo(upload);
	}

	@Test
	void refusesSomeoneElsesUploadAndAValueTheFormDoesNotAllow() {
		Asked asked = aSupplementRequested();
		String theirs = upload(this.matters.bearer("applicant2"));
		String mine = upload(this.seller);

		HttpResponse<String> stranger = answer(asked, """
				{"materials":{"%s":"%s"},"fields":{"paymentMethod":"公积金贷款"}}""".formatted(asked.material(), theirs));
		HttpResponse<String> invalid = answer(asked, """
				{"materials":{"%s":"%s"},"fields":{"paymentMethod":"以物易物"}}""".formatted(asked.material(), mine));

		assertThat(stranger.statusCode()).isEqualTo(422);
		assertThat(OneVisitHttp.json(stranger).path("code").asString()).isEqualTo("upload_unknown");
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(OneVisitHttp.json(invalid).path("code").asString()).isEqualTo("form_invalid");
		assertThat(this.http.get("/api/v1/applications/" + asked.id(), "Authorization", this.seller).body())
			.contains("WAITING_FOR_SUPPLEMENT");
	}

	@Test
	void keepsAnUploadASecondSupplementReplacedWhileTheFirstAnswerNamesIt() {
		Asked asked = aSupplementRequested();
		String first = upload(this.seller);
		assertThat(answer(asked, """
				{"materials":{"%s":"%s"},"fields":{"paymentMethod":"公积金贷款"}}""".formatted(asked.material(), first))
			.statusCode()).isEqualTo(200);
		JsonNode again = OneVisitHttp
			.json(this.http.postJson("/api/v1/tasks/" + Matters.taskId(asked.application(), "tax") + "/decisions", """
					{"decision":"SUPPLEMENT","materials":{"%s":"仍不清晰"}}""".formatted(asked.material()), "Authorization",
					this.matters.bearer("reviewer-tax")));
		assertThat(again.path("status").asString()).isEqualTo("WAITING_FOR_SUPPLEMENT");
		String second = upload(this.seller);
		assertThat(answer(asked, """
				{"materials":{"%s":"%s"}}""".formatted(asked.material(), second)).statusCode()).isEqualTo(200);
		this.jdbc.sql("update applications_upload set stored_at = now() - interval '2 days' where id in (:ids)")
			.param("ids", java.util.List.of(UUID.fromString(first), UUID.fromString(second)))
			.update();

		this.uploads.deleteUnused(java.time.Duration.ofDays(1));

		assertThat(this.http.get("/api/v1/uploads/" + first, "Authorization", this.seller).statusCode()).isEqualTo(200);
		assertThat(this.http.get("/api/v1/uploads/" + second, "Authorization", this.seller).statusCode())
			.isEqualTo(200);
		JsonNode supplements = OneVisitHttp
			.json(this.http.get("/api/v1/applications/" + asked.id() + "/supplements", "Authorization", this.seller));
		assertThat(supplements).hasSize(2);
		assertThat(supplements.path(1).path("changes").path(0).path("before").asString()).isEqualTo(first);
		assertThat(supplements.path(1).path("changes").path(0).path("after").asString()).isEqualTo(second);
	}

	@Test
	void lapsesTheMatterWhenTheSupplementDoesNotComeByItsLastDay() {
		Asked asked = aSupplementRequested();
		this.jdbc
			.sql("update applications_task set supplement_due = :day where application_id = :id"
					+ " and status = 'WAITING_FOR_SUPPLEMENT'")
			.param("day", LocalDate.now(this.clock).minusDays(1))
			.param("id", UUID.fromString(asked.id()))
			.update();

		this.applications.lapseUnsupplemented();

		JsonNode matter = OneVisitHttp
			.json(this.http.get("/api/v1/applications/" + asked.id(), "Authorization", this.seller));
		assertThat(matter.path("status").asString()).isEqualTo("LAPSED");
		assertThat(matter.path("tasks").valueStream().map((task) -> task.path("status").asString()))
			.doesNotContain("IN_REVIEW", "WAITING_FOR_SUPPLEMENT");
		assertThat(this.inbox.of(Subject.person(ResidentId.of(Matters.SELLER))))
			.filteredOn((message) -> message.key().equals("message.supplementLapsed"))
			.anySatisfy((message) -> assertThat(message.arguments())
				.contains(asked.application().path("trackingNo").asString()));
		assertThat(answer(asked, "{}").statusCode()).isEqualTo(409);
	}

	private HttpResponse<String> answer(Asked asked, String body) {
		return this.http.postJson("/api/v1/applications/" + asked.id() + "/supplements", body, "Authorization",
				this.seller);
	}

	private String upload(String bearer) {
		HttpResponse<String> stored = UploadApiTests.upload(this.server.port(), bearer, "补正材料.pdf", Matters.aPdf(),
				null);
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
		return OneVisitHttp.json(stored).path("id").asString();
	}

	private static String materialName(Asked asked) {
		return material(asked.application(), asked.material()).path("name").asString();
	}

	private static JsonNode material(JsonNode application, String code) {
		return application.path("materials")
			.valueStream()
			.filter((material) -> material.path("code").asString().equals(code))
			.findFirst()
			.orElseThrow();
	}

}
