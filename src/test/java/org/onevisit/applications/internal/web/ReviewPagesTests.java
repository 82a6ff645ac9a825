package org.onevisit.applications.internal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A reviewer works a task through the pages; the applicant follows it on theirs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewPagesTests {

	@Autowired
	OneVisitServer server;

	@Test
	void aReviewerAsksForASupplementAndTheApplicantSeesWhatIsMissingAndAnswers() {
		OneVisitHttp api = this.server.http();
		JsonNode filed = new Matters(api).confirmAsParties(OneVisitHttp.json(api.postJson("/api/v1/applications",
				Matters.flatTransfer(Matters.mintFlat(this.server.registries()).certificateNo(), "西山区页面路1号"),
				"Authorization", api.bearer("applicant1"), "Idempotency-Key", UUID.randomUUID().toString())));
		String taskId = Matters.taskId(filed, "nr");
		long version = Matters.task(filed, "nr").path("version").asLong();
		String tracking = filed.path("trackingNo").asString();

		OneVisitHttp reviewer = this.server.signedIn("reviewer-nr");
		assertThat(reviewer.get("/review").body()).contains("本部门待办", tracking);
		String caseFile = reviewer.get("/review/tasks/" + taskId).body();
		assertThat(caseFile).contains("存量房买卖转移登记", "卖方姓名", "张三", "一次性告知补正");
		// who confirmed the matter before it reached the department, and over what
		assertThat(caseFile).contains("当事人确认", "买方", "已确认", "SM3");
		reviewer.postForm("/review/tasks/" + taskId + "/decision",
				"decision=SUPPLEMENT&taskVersion=" + version + "&missing="
						+ URLEncoder.encode("共有人同意出售的书面意见\n原购房合同", StandardCharsets.UTF_8) + "&_csrf="
						+ OneVisitHttp.csrfTokenOf(caseFile));
		assertThat(reviewer.get("/review?filter=WAITING").body()).contains(tracking);

		OneVisitHttp applicant = this.server.signedIn("applicant1");
		String page = applicant.get("/my/applications/" + filed.path("id").asString()).body();
		assertThat(page).contains("待补正", "共有人同意出售的书面意见", "原购房合同", "办理进度");
		applicant.postForm("/my/applications/" + filed.path("id").asString() + "/supplement",
				"_csrf=" + OneVisitHttp.csrfTokenOf(page));
		assertThat(applicant.get("/my/applications/" + filed.path("id").asString()).body()).contains("补正已提交");
		assertThat(applicant.get("/my/applications").body()).contains(tracking, "二手房转移登记一件事");
	}

	@Test
	void showsAnotherDepartmentsCaseFileToNobody() {
		OneVisitHttp api = this.server.http();
		JsonNode filed = OneVisitHttp.json(api.postJson("/api/v1/applications",
				Matters.flatTransfer(Matters.mintFlat(this.server.registries()).certificateNo(), "西山区页面路2号"),
				"Authorization", api.bearer("applicant1"), "Idempotency-Key", UUID.randomUUID().toString()));
		OneVisitHttp health = this.server.signedIn("reviewer-health");
		OneVisitHttp stranger = this.server.http();
		// not the buyer, who is a party to the sale and reads it
		stranger.logIn("business1", "onevisit-demo");

		assertThat(health.get("/review/tasks/" + Matters.taskId(filed, "nr")).statusCode()).isEqualTo(404);
		assertThat(stranger.get("/my/applications/" + filed.path("id").asString()).statusCode()).isEqualTo(404);
	}

}
