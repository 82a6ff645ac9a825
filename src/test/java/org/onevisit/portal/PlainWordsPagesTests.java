package org.onevisit.portal;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.PlainWords;
import org.onevisit.registries.RegistryControl;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-words scan ({@link PlainWords}) over the pages of every journey as the server
 * sends them, in Chinese and in English: the citizen's, the reviewer's, the window's, the
 * supervisor's and the administrator's. Cheaper than a browser for many pages; the
 * browser walk ({@code PlainWordsBrowserTests}) reads what scripts add.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlainWordsPagesTests {

	@Autowired
	OneVisitServer server;

	JsonNode decided;

	JsonNode underReview;

	JsonNode awaitingParties;

	/** Coded identifiers a person does read as they are: tracking numbers, the flat's. */
	final Set<String> coded = new HashSet<>();

	@BeforeEach
	void fileTwoMatters() {
		OneVisitHttp api = this.server.http();
		Matters matters = this.server.matters(api);
		RegistryControl.Flat sold = matters.mintFlat();
		RegistryControl.Flat selling = matters.mintFlat();
		this.decided = matters.payThroughTheSimulator(matters.approveAll(matters.confirmAsParties(matters.file(sold))));
		this.underReview = matters.confirmAsParties(matters.file(selling));
		RegistryControl.Flat offered = matters.mintFlat();
		this.awaitingParties = matters.file(offered);
		this.coded.add(this.awaitingParties.path("trackingNo").asString());
		this.coded.add(offered.certificateNo());
		this.coded.add(offered.address());
		for (JsonNode matter : List.of(this.decided, this.underReview)) {
			this.coded.add(matter.path("trackingNo").asString());
		}
		// what the applicant typed
		for (RegistryControl.Flat flat : List.of(sold, selling)) {
			this.coded.add(flat.certificateNo());
			this.coded.add(flat.address());
		}
	}

	@Test
	void everyJourneysPagesSpeakPlainChinese() {
		List<String> findings = walk("zh-CN");

		assertThat(findings).as("machine words on the pages").isEmpty();
	}

	@Test
	void theTimelineSaysWhoDidWhatByNameRoleAndLabel() {
		OneVisitHttp citizen = visitor("applicant1", "zh-CN");

		String timeline = Jsoup.parse(citizen.get("/my/applications/" + this.decided.path("id").asString()).body())
			.select(".timeline")
			.text();

		assertThat(timeline).contains("李四：买方已确认", "王芳：共有人已确认", "系统自动：材料「婚姻状况证明」已由部门数据共享获取")
			.containsPattern("审批员（审批人员）：[^：]+：办理中（审查）")
			.doesNotContain("reviewer-", "IN_REVIEW", "party ", "material ");
	}

	@Test
	void everyJourneysPagesSpeakPlainEnglish() {
		List<String> findings = walk("en");

		assertThat(findings).as("machine words on the pages").isEmpty();
	}

	private List<String> walk(String language) {
		List<String> findings = new ArrayList<>();
		String decidedId = this.decided.path("id").asString();
		String openId = this.underReview.path("id").asString();

		OneVisitHttp citizen = visitor("applicant1", language);
		for (String page : List.of("/", "/guides", "/guides?q=" + URLEncoder.encode("房", StandardCharsets.UTF_8),
				"/guides/bundles/flat-transfer", "/guides/items/339900-NR-002", "/apply/bundles/flat-transfer",
				"/apply/items/339900-NR-002", "/my", "/my/applications", "/my/applications/" + decidedId,
				"/my/applications/" + decidedId + "/progress", "/my/applications/" + openId, "/my/data",
				"/my/notifications", "/my/messages", "/my/licences", "/my/applications/" + decidedId + "/licences",
				"/my/benefits", "/my/appointments", "/my/confirmations", "/my/complaints", "/my/enquiries", "/halls",
				"/account/security", "/catalogue/indicators", "/verify", "/my/applications/" + decidedId + "/payment",
				"/my/applications/" + decidedId + "/delivery", "/my/applications/" + decidedId + "/rating",
				"/my/applications/" + this.awaitingParties.path("id").asString())) {
			scan(findings, citizen, page);
		}
		// the page that checks the answers: the pre-filled form, as posted
		Map<String, String> inputs = OneVisitHttp
			.formInputs(Jsoup.parse(citizen.get("/apply/bundles/flat-transfer").body()));
		inputs.put("action", "check");
		HttpResponse<String> check = citizen.postForm("/apply/bundles/flat-transfer", inputs);
		scanText(findings, "/apply/bundles/flat-transfer (check)", check);

		OneVisitHttp spouse = visitor("applicant3", language);
		scan(findings, spouse, "/my");
		scan(findings, spouse, "/my/confirmations");
		String token = "Bearer " + this.server.http().bearerToken("applicant3", "onevisit-demo");
		for (JsonNode part : OneVisitHttp
			.json(this.server.http().get("/api/v1/my/confirmations", "Authorization", token))) {
			scan(findings, spouse, "/my/confirmations/" + part.path("id").asString());
		}

		for (JsonNode task : this.underReview.path("tasks")) {
			OneVisitHttp reviewer = visitor("reviewer-" + task.path("department").asString(), language);
			scan(findings, reviewer, "/review");
			scan(findings, reviewer, "/review/tasks/" + task.path("id").asString());
			scan(findings, reviewer, "/review/warnings");
			scan(findings, reviewer, "/review/rectifications");
			scan(findings, reviewer, "/approvals/applications/" + openId);
		}

		OneVisitHttp clerk = visitor("clerk1", language);
		for (String page : List.of("/hall", "/hall/queue", "/hall/confirmations", "/hall/payments", "/hall/deliveries",
				"/hall/enquiries")) {
			scan(findings, clerk, page);
		}

		OneVisitHttp supervisor = visitor("supervisor1", language);
		for (String page : List.of("/supervision", "/supervision/applications/" + decidedId,
				"/supervision/applications/" + openId, "/supervision/dashboard", "/supervision/feedback")) {
			scan(findings, supervisor, page);
		}

		OneVisitHttp admin = visitor("admin1", language);
		for (String page : List.of("/admin/catalogue", "/admin/catalogue/items/339900-NR-002", "/admin/notifications",
				"/admin/ledger", "/admin/benefits")) {
			scan(findings, admin, page);
		}
		findings.forEach((finding) -> System.out.println("plain words [" + language + "]: " + finding));
		return findings;
	}

	private OneVisitHttp visitor(String username, String language) {
		OneVisitHttp visitor = this.server.http();
		visitor.get("/?lang=" + language);
		visitor.logIn(username, "onevisit-demo");
		return visitor;
	}

	private void scan(List<String> findings, OneVisitHttp visitor, String page) {
		scanText(findings, page, visitor.get(page));
	}

	private void scanText(List<String> findings, String page, HttpResponse<String> response) {
		if (response.statusCode() / 100 == 3) {
			// a page that sends elsewhere in this state (paid already): no text to read
			return;
		}
		if (response.statusCode() != 200) {
			findings.add("status " + response.statusCode() + " on " + page);
			return;
		}
		findings.addAll(PlainWords.findings(page, PlainWords.visibleText(response.body()), this.coded));
	}

}
