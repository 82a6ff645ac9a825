package org.onevisit.portal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onevisit.Browsers;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.OpenBrowsers;
import org.onevisit.PlainWords;
import org.onevisit.registries.RegistryControl;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every journey's pages as a browser shows them, in Chinese and in English, read by the
 * plain-words scan ({@link PlainWords}): the text a person sees ({@code innerText}, after
 * scripts ran), without code shown as code. The citizen files through the pages (check
 * your answers, the declaration); the matters the reviewers, the window and the
 * supervisor read are filed and decided through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OpenBrowsers.class)
class PlainWordsBrowserTests {

	// what a person sees: the body's rendered text, without what is shown as code
	private static final String VISIBLE_TEXT = "document.querySelectorAll('code').forEach((c) => c.style.display = 'none');"
			+ " return document.body.innerText;";

	@Autowired
	OneVisitServer server;

	ChromeDriver browser;

	String base;

	JsonNode decided;

	JsonNode underReview;

	/** Coded identifiers a person reads as they are, and what the test typed. */
	final Set<String> coded = new HashSet<>();

	final List<String> findings = new ArrayList<>();

	@BeforeEach
	void fileMattersAndOpenABrowser(OpenBrowsers browsers) {
		this.base = this.server.base();
		Matters matters = this.server.matters();
		RegistryControl.Flat sold = matters.mintFlat();
		RegistryControl.Flat selling = matters.mintFlat();
		this.decided = matters.payThroughTheSimulator(matters.approveAll(matters.confirmAsParties(matters.file(sold))));
		this.underReview = matters.confirmAsParties(matters.file(selling));
		for (JsonNode matter : List.of(this.decided, this.underReview)) {
			this.coded.add(matter.path("trackingNo").asString());
		}
		for (RegistryControl.Flat flat : List.of(sold, selling)) {
			this.coded.add(flat.certificateNo());
			this.coded.add(flat.address());
		}
		this.browser = browsers.chromium(1280, 900);
	}

	@Test
	void everyJourneyReadsInPlainChinese() {
		walk("zh-CN");

		assertThat(this.findings).as("machine words on the pages").isEmpty();
	}

	@Test
	void everyJourneyReadsInPlainEnglish() {
		walk("en");

		assertThat(this.findings).as("machine words on the pages").isEmpty();
	}

	private void walk(String language) {
		String decidedId = this.decided.path("id").asString();
		String openId = this.underReview.path("id").asString();

		as("applicant1", language);
		for (String page : List.of("/", "/guides?q=%E6%88%BF", "/guides/bundles/flat-transfer",
				"/guides/items/339900-NR-002", "/my", "/my/data", "/my/notifications", "/my/messages", "/my/licences",
				"/my/applications", "/my/applications/" + decidedId, "/my/applications/" + openId)) {
			scan(page);
		}
		// the apply form, then the page that checks the answers, then the filed matter
		this.browser.get(this.base + "/apply/bundles/flat-transfer");
		Browsers.waitFor(this.browser, By.cssSelector("form.stack"));
		scanHere("/apply/bundles/flat-transfer");
		RegistryControl.Flat flat = Matters.mintFlat(this.server.registries());
		this.coded.add(flat.certificateNo());
		this.coded.add(flat.address());
		Browsers.retype(this.browser, "field-certificateNo", flat.certificateNo());
		Browsers.retype(this.browser, "field-address", flat.address());
		this.browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
		Browsers.waitFor(this.browser, By.id("declaration"));
		scanHere("/apply/bundles/flat-transfer (check your answers)");
		Browsers.declareAndFile(this.browser);
		Browsers.waitFor(this.browser, By.id("progress"));
		String filed = this.browser.getCurrentUrl().replaceFirst("^http://[^/]+", "");
		scanHere(filed);
		withdraw(filed.replaceAll(".*/applications/([0-9a-f-]{36}).*", "$1"));

		for (JsonNode task : this.underReview.path("tasks")) {
			as("reviewer-" + task.path("department").asString(), language);
			scan("/review");
			scan("/review/tasks/" + task.path("id").asString());
		}

		as("clerk1", language);
		scan("/hall");
		this.browser.findElement(By.id("residentId")).sendKeys(Matters.BUYER);
		this.browser.findElement(By.cssSelector("select[name=matter]"))
			.findElement(By.cssSelector("option[value='bundles/business-startup']"))
			.click();
		this.browser.findElement(By.cssSelector("main form button.primary")).click();
		Browsers.waitFor(this.browser, By.id("field-companyName"));
		scanHere("/hall/apply/bundles/business-startup");
		scan("/hall/queue");

		as("supervisor1", language);
		scan("/supervision");
		scan("/supervision/applications/" + decidedId);
		scan("/supervision/dashboard");

		as("admin1", language);
		scan("/admin/catalogue");
		scan("/admin/notifications");
	}

	private void as(String username, String language) {
		this.browser.manage().deleteAllCookies();
		this.browser.get(this.base + "/?lang=" + language);
		Browsers.logIn(this.browser, this.base, username);
	}

	private void scan(String page) {
		this.browser.get(this.base + page);
		Browsers.waitFor(this.browser, By.tagName("h1"));
		scanHere(page);
	}

	private void scanHere(String page) {
		String text = String.valueOf(this.browser.executeScript(VISIBLE_TEXT));
		this.findings.addAll(PlainWords.findings(page, text, this.coded));
	}

	private void withdraw(String id) {
		OneVisitHttp api = this.server.http();
		assertThat(api
			.postJson("/api/v1/applications/" + id + "/withdrawal", "{}", "Authorization", api.bearer("applicant1"))
			.statusCode()).isEqualTo(200);
	}

}
