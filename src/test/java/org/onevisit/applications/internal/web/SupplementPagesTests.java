package org.onevisit.applications.internal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 补正 on the pages: the reviewer asks for a material and a field with reasons, the
 * applicant answers each with its own control, and the reviewer sees what changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupplementPagesTests {

	@Autowired
	OneVisitServer server;

	Matters matters;

	JsonNode filed;

	String id;

	JsonNode tax;

	/** The seller's flat transfer under review: the tax office asks more of it. */
	@BeforeEach
	void fileAFlatTransfer() {
		this.matters = this.server.matters();
		this.filed = this.matters.fileFlatTransfer();
		this.id = this.filed.path("id").asString();
		this.tax = Matters.task(this.filed, "tax");
	}

	@Test
	void theApplicantAnswersEachItemOnThePageAndTheReviewerSeesWhatChanged() {
		JsonNode material = this.filed.path("materials").path(0);
		String code = material.path("code").asString();

		OneVisitHttp reviewer = this.server.signedIn("reviewer-tax");
		String caseFile = reviewer.get("/review/tasks/" + this.tax.path("id").asString()).body();
		assertThat(Jsoup.parse(caseFile).select("#ask-fields input[name=field.paymentMethod]")).hasSize(1);
		reviewer.postForm("/review/tasks/" + this.tax.path("id").asString() + "/decision",
				"decision=SUPPLEMENT&taskVersion=" + this.tax.path("version").asLong() + "&material." + code + "="
						+ URLEncoder.encode("请上传清晰的扫描件", StandardCharsets.UTF_8) + "&field.paymentMethod="
						+ URLEncoder.encode("与网签合同不一致", StandardCharsets.UTF_8) + "&field.price=&_csrf="
						+ OneVisitHttp.csrfTokenOf(caseFile));

		OneVisitHttp applicant = this.server.signedIn("applicant1");
		Document page = Jsoup.parse(applicant.get("/my/applications/" + this.id).body());
		assertThat(page.select("#supplement").text()).contains(material.path("name").asString(), "请上传清晰的扫描件", "付款方式",
				"与网签合同不一致", "商业贷款", "逾期未补正");
		assertThat(page.select("#supplement input[type=file][name=material." + code + "]")).hasSize(1);
		assertThat(page.select("#supplement select[name=field.paymentMethod] option[selected]").text())
			.isEqualTo("商业贷款");
		// the price was not asked: no control for it
		assertThat(page.select("#supplement [name=field.price]")).isEmpty();

		applicant.postMultipart(
				"/my/applications/" + this.id + "/supplement", Map.of("_csrf",
						page.select("#supplement input[name=_csrf]").attr("value"), "field.paymentMethod", "公积金贷款"),
				Map.of("material." + code, Map.entry("清晰扫描件.pdf", Matters.aPdf())));

		assertThat(applicant.get("/my/applications/" + this.id).body()).contains("补正已提交");
		Document changed = Jsoup.parse(reviewer.get("/review/tasks/" + this.tax.path("id").asString()).body());
		assertThat(changed.select("#supplement-changes").text()).contains("付款方式", "商业贷款", "公积金贷款",
				material.path("name").asString());
		String newFile = changed.select("#supplement-changes a").first().attr("href");
		assertThat(reviewer.get(newFile).statusCode()).isEqualTo(200);
	}

	@Test
	void tellsTheApplicantWhatIsStillMissingAndKeepsTheMatterWaiting() {
		this.matters.decide(this.tax, "{\"decision\":\"SUPPLEMENT\",\"fields\":{\"paymentMethod\":\"与网签合同不一致\"}}");

		OneVisitHttp applicant = this.server.signedIn("applicant1");
		String page = applicant.get("/my/applications/" + this.id).body();
		applicant.postForm("/my/applications/" + this.id + "/supplement", "_csrf=" + OneVisitHttp.csrfTokenOf(page));

		String after = applicant.get("/my/applications/" + this.id).body();
		assertThat(after).contains("补正还缺 1 项").doesNotContain("补正已提交");
		assertThat(Jsoup.parse(after).select("#supplement")).hasSize(1);
	}

}
