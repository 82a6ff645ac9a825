package org.onevisit.portal;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onevisit.Browsers;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.OpenBrowsers;
import org.onevisit.registries.RegistryControl;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 王芳, co-owner of the flat her husband sells, finds the sale waiting for her in 我的空间 and
 * confirms it by entering her password again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OpenBrowsers.class)
class PartiesBrowserTests {

	@Autowired
	OneVisitServer server;

	ChromeDriver wife;

	/**
	 * From 我的空间, opens what awaits the signed-in party under this tracking number and
	 * confirms it with the password.
	 */
	static void confirmInMySpace(WebDriver browser, String base, String trackingNumber) {
		browser.get(base + "/my/confirmations");
		Browsers.waitFor(browser, By.id("awaiting"));
		browser.findElement(By.xpath("//ul[@id='awaiting']/li[contains(., '" + trackingNumber + "')]/a")).click();
		Browsers.waitFor(browser, By.id("password")).sendKeys("onevisit-demo");
		browser.findElement(By.cssSelector("#accept button[type=submit]")).click();
		assertThat(Browsers.waitFor(browser, By.cssSelector("p.notice")).getText()).contains("已确认");
	}

	@Test
	void theCoOwnerConfirmsTheSaleInHerOwnSpaceWithHerPassword(OpenBrowsers browsers) {
		OneVisitHttp api = this.server.http();
		Matters matters = this.server.matters(api);
		RegistryControl.Flat flat = matters.mintFlat();
		HttpResponse<String> filed = api.postJson("/api/v1/applications", Matters.flatTransfer(flat), "Authorization",
				matters.bearer("applicant1"), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(filed.statusCode()).as(filed::body).isEqualTo(201);
		JsonNode matter = OneVisitHttp.json(filed);
		String trackingNumber = matter.path("trackingNo").asString();
		String base = this.server.base();
		this.wife = browsers.chromium(390, 844);
		Browsers.logIn(this.wife, base, "applicant3");

		this.wife.get(base + "/my");
		Browsers.waitFor(this.wife, By.cssSelector("a[href='/my/confirmations']")).click();
		this.wife.findElement(By.xpath("//ul[@id='awaiting']/li[contains(., '" + trackingNumber + "')]/a")).click();
		String page = Browsers.waitFor(this.wife, By.tagName("main")).getText();
		assertThat(page).contains("二手房转移登记一件事", "共有人", "张三", "李四", flat.certificateNo());
		// a wrong password confirms nothing
		this.wife.findElement(By.id("password")).sendKeys("not-her-password");
		this.wife.findElement(By.cssSelector("#accept button[type=submit]")).click();
		assertThat(Browsers.waitFor(this.wife, By.cssSelector("p.error")).getText()).contains("密码不正确");
		this.wife.findElement(By.id("password")).sendKeys("onevisit-demo");
		this.wife.findElement(By.cssSelector("#accept button[type=submit]")).click();

		assertThat(Browsers.waitFor(this.wife, By.cssSelector("p.notice")).getText()).contains("已确认");
		JsonNode after = OneVisitHttp.json(api.get("/api/v1/applications/" + matter.path("id").asString(),
				"Authorization", matters.bearer("applicant3")));
		assertThat(after.path("status").asString()).isEqualTo("AWAITING_PARTIES");
		assertThat(after.path("parties")
			.valueStream()
			.filter((part) -> part.path("role").asString().equals("CO_OWNER"))
			.map((part) -> part.path("state").asString() + " " + part.path("channel").asString()))
			.containsExactly("CONFIRMED ONLINE");
		assertThat(Browsers.consoleErrors(this.wife)).isEmpty();
	}

}
