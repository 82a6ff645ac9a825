package org.onevisit.feedback.internal;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.applications.ApplicationId;
import org.onevisit.feedback.Enquiry;
import org.onevisit.feedback.Feedback;
import org.onevisit.feedback.FeedbackRefused;
import org.onevisit.feedback.Rating;
import org.onevisit.identity.Actor;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ratings and their rectifications, complaints, and the first responder of a question.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedbackIntegrationTests {

	static final Feedback.Person SELLER = new Feedback.Person("applicant1", "张三",
			Subject.person(ResidentId.of("339902198503120016")));

	@Autowired
	OneVisitServer server;

	@Autowired
	Feedback feedback;

	@Test
	void aBadRatingOpensARectificationForEachDepartmentWhichAnswersIt() {
		OneVisitHttp http = this.server.http();
		Matters matters = this.server.matters(http);
		JsonNode filed = matters.fileFlatTransfer();
		ApplicationId id = new ApplicationId(UUID.fromString(filed.path("id").asString()));
		Actor seller = Actor.applicant("applicant1");

		assertThatThrownBy(() -> this.feedback.rate(id, 1, "太慢", seller)).extracting("code")
			.isEqualTo("rating_not_finished");
		matters.payThroughTheSimulator(matters.approveAll(filed));
		assertThatThrownBy(() -> this.feedback.rate(id, 2, " ", seller)).extracting("code")
			.isEqualTo("rating_comment_required");
		assertThatThrownBy(() -> this.feedback.rate(id, 1, "不好", Actor.applicant("applicant2")))
			.isInstanceOf(RuntimeException.class)
			.hasFieldOrPropertyWithValue("code", "application_not_found");

		OneVisitHttp applicant = this.server.signedIn("applicant1");
		String form = applicant.get("/my/applications/" + id.value() + "/rating").body();
		assertThat(Jsoup.parse(form).select("input[name=stars]")).as("the five choices").hasSize(5);
		assertThat(Jsoup.parse(form).select("input[name=stars][checked]")).as("no score chosen for the citizen")
			.isEmpty();
		HttpResponse<String> unchosen = applicant.postForm("/my/applications/" + id.value() + "/rating",
				"comment=&_csrf=" + OneVisitHttp.csrfTokenOf(form));
		assertThat(unchosen.statusCode()).as("a message on the page, no rating").isEqualTo(302);
		assertThat(this.feedback.ratingOf(id, seller)).isEmpty();

		Rating rating = this.feedback.rate(id, 2, "窗口让我跑了两次", seller);

		assertThat(rating.bad()).isTrue();
		assertThat(rating.rectifications()).extracting("departmentCode")
			.containsExactlyInAnyOrder("housing", "tax", "nr");
		assertThatThrownBy(() -> this.feedback.rate(id, 5, null, seller)).extracting("code")
			.isEqualTo("rating_already_given");

		OneVisitHttp reviewer = this.server.signedIn("reviewer-tax");
		String page = reviewer.get("/review/rectifications").body();
		assertThat(page).contains(filed.path("trackingNo").asString(), "窗口让我跑了两次", "整改中");
		String rectification = Jsoup.parse(page)
			.select("form[action*=" + rating.rectifications()
				.stream()
				.filter((r) -> r.departmentCode().equals("tax"))
				.findFirst()
				.orElseThrow()
				.id() + "]")
			.attr("action");
		HttpResponse<String> answered = reviewer.postForm(rectification,
				"answer=" + java.net.URLEncoder.encode("已约谈窗口人员，材料改为系统获取", java.nio.charset.StandardCharsets.UTF_8)
						+ "&_csrf=" + OneVisitHttp.csrfTokenOf(page));
		assertThat(answered.statusCode()).isEqualTo(302);

		Rating after = this.feedback.ratingOf(id, seller).orElseThrow();
		assertThat(after.rectifications()).filteredOn((r) -> r.departmentCode().equals("tax"))
			.singleElement()
			.satisfies((r) -> assertThat(r.answer()).isEqualTo("已约谈窗口人员，材料改为系统获取"));
		assertThat(after.rectifications()).filteredOn((r) -> !r.answered()).hasSize(2);
		OneVisitHttp citizen = this.server.signedIn("applicant1");
		assertThat(citizen.get("/my/messages").body()).contains("部门已给出整改答复");
		assertThat(citizen.get("/my/applications/" + id.value() + "/rating").body()).contains("已整改答复", "已约谈窗口人员");
		// a department answers only its own
		assertThatThrownBy(() -> this.feedback.answerRectification(after.rectifications().get(0).id(), "x",
				Actor.reviewer("reviewer-health", "health")))
			.isInstanceOf(FeedbackRefused.class);
	}

	@Test
	void aComplaintIsTrackedUntilTheSupervisorAnswersIt() {
		OneVisitHttp citizen = this.server.signedIn("applicant2");
		String page = citizen.get("/my/complaints").body();
		HttpResponse<String> empty = citizen.postForm("/my/complaints",
				"about=&text=&_csrf=" + OneVisitHttp.csrfTokenOf(page));
		assertThat(citizen.get("/my/complaints").body()).contains("请填写内容");

		citizen.postForm("/my/complaints",
				"about=" + enc("公积金提取") + "&text=" + enc("网上提交后三周没有回音") + "&_csrf=" + OneVisitHttp.csrfTokenOf(page));
		String mine = citizen.get("/my/complaints").body();
		assertThat(mine).contains("网上提交后三周没有回音", "处理中");
		assertThat(empty.statusCode()).isEqualTo(302);

		OneVisitHttp supervisor = this.server.signedIn("supervisor1");
		String supervision = supervisor.get("/supervision/feedback").body();
		String action = Jsoup.parse(supervision).select("article:contains(网上提交后三周没有回音) form").attr("action");
		supervisor.postForm(action,
				"answer=" + enc("已督办公积金中心，明日办结") + "&_csrf=" + OneVisitHttp.csrfTokenOf(supervision));

		assertThat(citizen.get("/my/complaints").body()).contains("已答复", "已督办公积金中心，明日办结");
		assertThat(citizen.get("/my/messages").body()).contains("已有答复");
		assertThat(this.server.http().get("/supervision/feedback").statusCode()).isEqualTo(302);
	}

	@Test
	void theClerkWhoFirstAnswersAQuestionStaysResponsibleForIt() {
		Enquiry asked = this.feedback.ask("二手房过户要带户口本吗？", SELLER);

		this.feedback.answerEnquiry(asked.id(), "不用，户籍信息系统自动获取。", "clerk1");
		Enquiry answeredTwice = this.feedback.answerEnquiry(asked.id(), "补充：婚姻信息也自动获取。", "clerk2");

		assertThat(answeredTwice.responsible()).isEqualTo("clerk1");
		assertThat(answeredTwice.answers()).extracting(Enquiry.Answer::clerk).containsExactly("clerk1", "clerk2");
		assertThat(this.feedback.enquiriesFor("clerk1")).extracting(Enquiry::id).contains(asked.id());
		assertThat(this.feedback.enquiriesFor("clerk2")).extracting(Enquiry::id).doesNotContain(asked.id());

		OneVisitHttp citizen = this.server.signedIn("applicant1");
		assertThat(citizen.get("/my/enquiries").body()).contains("首问责任人：clerk1", "户籍信息系统自动获取");
	}

	@Test
	void twoClerksAnsweringAtOnceAgreeOnOneResponsible() throws Exception {
		Enquiry asked = this.feedback.ask("营业执照可以邮寄吗？", SELLER);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var first = pool.submit(() -> this.feedback.answerEnquiry(asked.id(), "可以。", "clerk1"));
			var second = pool.submit(() -> this.feedback.answerEnquiry(asked.id(), "可以邮寄。", "clerk2"));
			String responsible = first.get().responsible();
			assertThat(second.get().responsible()).isEqualTo(responsible).isIn("clerk1", "clerk2");
		}
		finally {
			pool.shutdown();
		}
	}

	static String enc(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

}
