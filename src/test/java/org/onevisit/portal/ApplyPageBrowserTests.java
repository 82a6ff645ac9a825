package org.onevisit.portal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onevisit.Browsers;
import org.onevisit.OneVisitServer;
import org.onevisit.OpenBrowsers;
import org.onevisit.registries.RegistryControl;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applying for the flat transfer on a 360 px phone: the pre-filled form fits the screen,
 * runs without script or policy errors, and files with one tap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OpenBrowsers.class)
class ApplyPageBrowserTests {

	@Autowired
	OneVisitServer server;

	@Test
	void theSellerAppliesForTheFlatTransferOnAPhoneWithNothingToType(OpenBrowsers browsers) throws Exception {
		ChromeDriver browser = browsers.chromium(360, 800);
		String base = this.server.base();
		browser.get(base + "/login");
		browser.findElement(By.id("username")).sendKeys("applicant1");
		browser.findElement(By.id("password")).sendKeys("onevisit-demo");
		browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
		Browsers.waitFor(browser, By.cssSelector(".nav .who"));

		browser.get(base + "/apply/bundles/flat-transfer");
		assertThat(Browsers.waitFor(browser, By.id("field-buyerName")).getAttribute("value")).isEqualTo("李四");
		assertThat(browser.findElements(By.cssSelector(".source"))).extracting(WebElement::getText)
			.isNotEmpty()
			.allSatisfy((source) -> assertThat(source).startsWith("来自").doesNotContain("（）"));
		assertThat(browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
			.as("no sideways scrolling at 360 px")
			.isEqualTo(true);
		Path screenshot = Path.of("target", "screenshots", "apply-flat-transfer-360.png");
		Files.createDirectories(screenshot.getParent());
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot,
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);

		browser.executeScript("document.querySelector('.materials').scrollIntoView()");
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
				screenshot.resolveSibling("apply-flat-transfer-360-materials.png"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);

		// a flat of his own for this test: an approved transfer moves a flat for good
		RegistryControl.Flat flat = Matters.mintFlat(this.server.registries());
		Browsers.retype(browser, "field-certificateNo", flat.certificateNo());
		Browsers.retype(browser, "field-address", flat.address());
		browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
		Browsers.declareAndFile(browser);

		assertThat(Browsers.waitForHeading(browser, (h) -> h.startsWith("办件 339900-"))).startsWith("办件 339900-");
		assertThat(browser.getCurrentUrl()).contains("/my/applications/");
		assertThat(Browsers.consoleErrors(browser)).isEmpty();
		// no matter left open
		String id = browser.getCurrentUrl().replaceAll(".*/applications/([0-9a-f-]{36}).*", "$1");
		org.onevisit.OneVisitHttp api = this.server.http();
		assertThat(api
			.postJson("/api/v1/applications/" + id + "/withdrawal", "{}", "Authorization", api.bearer("applicant1"))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void aHallOnlyItemTellsTheCitizenWhereToGoBeforeAnyForm(OpenBrowsers browsers) {
		ChromeDriver browser = browsers.chromium(360, 800);
		String base = this.server.base();
		Browsers.logIn(browser, base, "applicant1");

		browser.get(base + "/apply/items/339900-CIVIL-001");

		String notice = Browsers.waitFor(browser, By.id("hall-only")).getText();
		assertThat(notice).contains("只能到政务服务大厅窗口办理", "示范市政务服务中心", "示范市市民大道 100 号", "双方身份证");
		assertThat(browser.findElements(By.id("field-partyAId"))).as("no form to fill").isEmpty();
		assertThat(browser.findElement(By.cssSelector("#hall-only a")).getAttribute("href"))
			.endsWith("/my/appointments");
		assertThat(Browsers.consoleErrors(browser)).isEmpty();
	}

}
