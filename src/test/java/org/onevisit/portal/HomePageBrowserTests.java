package org.onevisit.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onevisit.Browsers;
import org.onevisit.OneVisitServer;
import org.onevisit.OpenBrowsers;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page as a citizen's phone shows it: in Chinese, with its scripts allowed by
 * the content security policy (a blocked script shows as a console error), and a working
 * login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OpenBrowsers.class)
class HomePageBrowserTests {

	@Autowired
	OneVisitServer server;

	@Test
	void showsTheHomePageInChineseOnAPhoneWithoutAnyScriptOrPolicyError(OpenBrowsers browsers) {
		ChromeDriver browser = browsers.chromium(360, 800);
		browser.get(this.server.base() + "/");

		assertThat(browser.getTitle()).isEqualTo("示范市政务服务网 - 最多跑一次");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("办事最多跑一次，一次不跑更好");
		assertThat(browser.executeScript("return typeof htmx")).isEqualTo("object");
		assertThat(browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
			.as("no sideways scrolling at 360 px")
			.isEqualTo(true);
		assertThat(Browsers.consoleErrors(browser)).isEmpty();
	}

	@Test
	void letsADemoApplicantLogInAndOut(OpenBrowsers browsers) {
		ChromeDriver browser = browsers.chromium(360, 800);
		browser.get(this.server.base() + "/login");

		browser.findElement(By.id("username")).sendKeys("applicant1");
		browser.findElement(By.id("password")).sendKeys("onevisit-demo");
		browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();

		// a click only starts the navigation: wait for the page it leads to
		assertThat(Browsers.waitFor(browser, By.cssSelector(".nav .who")).getText()).isEqualTo("张三");
		browser.findElement(By.cssSelector(".nav form button")).click();
		assertThat(Browsers.waitFor(browser, By.cssSelector(".hero .notice")).getText()).isEqualTo("您已安全退出。");
	}

}
