package org.onevisit.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onevisit.AxeCore;
import org.onevisit.Browsers;
import org.onevisit.OneVisitServer;
import org.onevisit.OpenBrowsers;
import org.onevisit.registries.RegistryControl;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on the pages citizens and clerks use most: no serious or critical
 * accessibility violation, and no sideways scrolling on a 360 px phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OpenBrowsers.class)
class AccessibilityBrowserTests {

	@Autowired
	OneVisitServer server;

	ChromeDriver browser;

	final List<String> tooWide = new ArrayList<>();

	@BeforeEach
	void openBrowser(OpenBrowsers browsers) {
		this.browser = browsers.chromium(360, 800);
	}

	@Test
	void theHomeGuideFormProgressAndClerkPagesHaveNoSeriousOrCriticalViolation() {
		String base = this.server.base();
		Map<String, List<AxeCore.Violation>> found = new LinkedHashMap<>();
		check(found, base + "/");
		check(found, base + "/guides/bundles/flat-transfer");
		check(found, base + "/halls");

		Browsers.logIn(this.browser, base, "applicant1");
		check(found, base + "/apply/bundles/flat-transfer");
		// a flat of his own for this test: an approved transfer moves a flat for good
		RegistryControl.Flat flat = Matters.mintFlat(this.server.registries());
		Browsers.retype(this.browser, "field-certificateNo", flat.certificateNo());
		Browsers.retype(this.browser, "field-address", flat.address());
		this.browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
		// the page that checks the answers, as it stands (a post's answer: not loaded
		// again)
		Browsers.waitFor(this.browser, By.id("declaration"));
		List<AxeCore.Violation> checking = AxeCore.check(this.browser);
		checking.forEach((violation) -> System.out.println("axe check page: " + violation));
		found.put("/apply/bundles/flat-transfer (check your answers)", checking);
		Browsers.declareAndFileToTheReceipt(this.browser);
		// the receipt, then the matter's own page
		String receipt = this.browser.getCurrentUrl();
		check(found, receipt);
		String filed = receipt.replaceFirst("/filed$", "");
		check(found, filed);
		// no matter left open
		org.onevisit.OneVisitHttp api = this.server.http();
		assertThat(api
			.postJson("/api/v1/applications/" + filed.replaceAll(".*/applications/([0-9a-f-]{36}).*", "$1")
					+ "/withdrawal", "{}", "Authorization", api.bearer("applicant1"))
			.statusCode()).isEqualTo(200);
		check(found, base + "/my");

		this.browser.manage().deleteAllCookies();
		Browsers.logIn(this.browser, base, "clerk1");
		check(found, base + "/hall");
		// the clerk checks the walk-in's identity card, then opens the form for them
		this.browser.findElement(By.id("residentId")).sendKeys("339903199007180029");
		this.browser.findElement(By.cssSelector("select[name=matter]"))
			.findElement(By.cssSelector("option[value='bundles/business-startup']"))
			.click();
		this.browser.findElement(By.cssSelector("main form button.primary")).click();
		Browsers.waitFor(this.browser, By.id("field-companyName"));
		check(found, this.browser.getCurrentUrl());
		check(found, base + "/hall/queue");

		assertThat(this.tooWide).as("pages wider than a 360 px phone").isEmpty();
		List<String> serious = new ArrayList<>();
		found.forEach((page, violations) -> violations.stream()
			.filter(AxeCore.Violation::seriousOrCritical)
			.forEach((violation) -> serious.add(page + ": " + violation)));
		assertThat(serious).as("serious or critical violations").isEmpty();
		assertThat(found).hasSize(11);
	}

	@Test
	void theCheckerItselfCatchesAnImageWithoutText() {
		this.browser.get(this.server.base() + "/");
		this.browser.executeScript("const img = document.createElement('img'); img.src = '/favicon.svg';"
				+ " document.querySelector('main').appendChild(img);");

		assertThat(AxeCore.check(this.browser)).filteredOn(AxeCore.Violation::seriousOrCritical)
			.extracting(AxeCore.Violation::id)
			.contains("image-alt");
	}

	private void check(Map<String, List<AxeCore.Violation>> found, String url) {
		this.browser.get(url);
		Browsers.waitFor(this.browser, By.tagName("h1"));
		if (!Boolean.TRUE
			.equals(this.browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))) {
			this.tooWide.add(url);
		}
		List<AxeCore.Violation> violations = AxeCore.check(this.browser);
		violations.forEach((violation) -> System.out.println("axe " + url + ": " + violation));
		found.put(url.replaceFirst("^http://[^/]+", ""), violations);
	}

}
