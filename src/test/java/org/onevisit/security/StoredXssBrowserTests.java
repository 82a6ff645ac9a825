package org.onevisit.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onevisit.Browsers;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.OpenBrowsers;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored XSS: payloads entered by a citizen in a form field, a complaint, a question and
 * a rating comment, then shown to the clerk, the reviewer and the supervisor in headless
 * Chromium. No script runs: each payload would set {@code window.__xss}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OpenBrowsers.class)
class StoredXssBrowserTests {

	static final List<String> PAYLOADS = List.of("<script>window.__xss='script'</script>",
			"\"><img src=x onerror=\"window.__xss='img'\">", "<svg onload=\"window.__xss='svg'\"></svg>",
			"'><iframe srcdoc=\"<script>parent.__xss='iframe'</script>\"></iframe>", "javascript:window.__xss='href'",
			"<a href=\"javascript:window.__xss='link'\">点我</a>");

	static final String ALL = String.join(" ", PAYLOADS);

	@Autowired
	OneVisitServer server;

	ChromeDriver browser;

	@Test
	void noPayloadRunsInTheClerkReviewerOrSupervisorPages(OpenBrowsers browsers) throws Exception {
		this.browser = browsers.chromium(1280, 900);
		OneVisitHttp citizen = this.server.signedIn("applicant1");
		String token = citizen.bearer("applicant1");
		JsonNode filed = HttpResponseCheck.created(citizen.postJson("/api/v1/applications", """
				{"bundleCode":"flat-transfer","applicant":{"residentId":"339902198503120016"},
				 "form":{"sellerId":"339902198503120016","sellerName":"张三","buyerId":"339903199007180029",
				         "buyerName":"李四","certificateNo":"%s",
				         "address":%s,"price":1250000,"paymentMethod":"商业贷款"}}
				""".formatted(Matters.mintFlat(this.server.registries()).certificateNo(),
				tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(ALL + UUID.randomUUID())),
				"Authorization", token, "Idempotency-Key", UUID.randomUUID().toString()));
		String page = citizen.get("/my/complaints").body();
		citizen.postForm("/my/complaints",
				"about=" + enc(ALL) + "&text=" + enc(ALL) + "&_csrf=" + OneVisitHttp.csrfTokenOf(page));
		citizen.postForm("/my/enquiries", "question=" + enc(ALL) + "&_csrf=" + OneVisitHttp.csrfTokenOf(page));

		String base = this.server.base();
		Browsers.logIn(this.browser, base, "reviewer-tax");
		String task = Matters.taskId(filed, "tax");
		visit(base + "/review/tasks/" + task);
		this.browser.manage().deleteAllCookies();
		Browsers.logIn(this.browser, base, "clerk1");
		visit(base + "/hall/enquiries");
		this.browser.manage().deleteAllCookies();
		Browsers.logIn(this.browser, base, "supervisor1");
		visit(base + "/supervision/feedback");
		JsonNode mine = OneVisitHttp.json(citizen.get("/api/v1/applications?mine", "Authorization", token));
		// the trail shows the case's history, not its form: nothing of the payload is
		// expected
		visit(base + "/supervision/applications/" + mine.get(0).path("id").asString(), false);
		this.browser.manage().deleteAllCookies();
		Browsers.logIn(this.browser, base, "applicant1");
		visit(base + "/my/complaints");
		visit(base + "/my/enquiries");
	}

	private void visit(String url) throws InterruptedException {
		visit(url, true);
	}

	private void visit(String url, boolean showsPayload) throws InterruptedException {
		this.browser.get(url);
		Browsers.waitFor(this.browser, By.tagName("h1"));
		// onerror and onload fire after the page: give them a moment
		Thread.sleep(300);
		assertThat(this.browser.executeScript("return window.__xss")).as(url).isNull();
		assertThat(this.browser.findElements(By.cssSelector("main img[src='x'], main svg[onload], main iframe")))
			.as(url + " renders no injected element")
			.isEmpty();
		if (showsPayload) {
			assertThat(this.browser.getPageSource()).as(url + " shows the text as text").contains("window.__xss");
		}
	}

	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** A filing that must have been accepted for the test to mean anything. */
	static final class HttpResponseCheck {

		static JsonNode created(java.net.http.HttpResponse<String> response) {
			assertThat(response.statusCode()).as(response::body).isEqualTo(201);
			return OneVisitHttp.json(response);
		}

	}

}
