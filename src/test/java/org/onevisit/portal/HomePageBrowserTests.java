package org.onevisit.portal;

import org.junit.jupiter.api.BeforeEach;
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

	ChromeDriver browser;

	@BeforeEach
	void openBrowser(OpenBrowsers browsers) {
		this.browser = browsers.chromium(360, 800);
	}

	@Test
	void showsTheHomePageInChineseOnAPhoneWithoutAnyScriptOrPolicyError() {
		this.browser.get(this.server.base() + "/");

		assertThat(this.browser.getTitle()).isEqualTo("示范市政务服务网 - 最多跑一次");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("办事最多跑一次，一次不跑更好");
		assertThat(this.browser.executeScript("return typeof htmx")).isEqualTo("object");
		assertThat(this.browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
			.as("no sideways scrolling at 360 px")
			.isEqualTo(true);
		assertThat(Browsers.consoleErrors(this.browser)).isEmpty();
	}

	@Test
	void letsADemoApplicantLogInAndOut() {
		this.browser.get(this.server.base() + "/login");

		this.browser.findElement(By.id("username")).sendKeys("applicant1");
		this.browser.findElement(By.id("password")).sendKeys("onevisit-demo");
		this.browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();

		// a click only starts the navigation: wait for the page it leads to
		assertThat(Browsers.waitFor(this.browser, By.cssSelector(".nav .who")).getText()).isEqualTo("张三");
		this.browser.findElement(By.cssSelector(".nav form button")).click();
		assertThat(Browsers.waitFor(this.browser, By.cssSelector(".hero .notice")).getText()).isEqualTo("您已安全退出。");
	}

}
