package org.onevisit.applications.internal.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onevisit.Browsers;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.OpenBrowsers;
import org.onevisit.TestSmtp;
import org.onevisit.messages.internal.SimulatedSmsGateway;
import org.onevisit.registries.RegistryControl;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen's 补正 journey in headless Chromium, in Chinese and in English: filed online
 * after checking the answers and declaring (承诺), told by e-mail (a real SMTP server) and
 * text (the simulated gateway); the tax office asks for a material and a field; the
 * seller uploads the file and corrects the field on the page; the reviewer sees what
 * changed; approved and paid; a message for each step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onevisit.messages.send-interval=PT0.2S", "onevisit.messages.backoff=PT0.2S" })
@ExtendWith(OpenBrowsers.class)
class SupplementJourneyBrowserTests {

	@RegisterExtension
	static final TestSmtp SMTP = new TestSmtp();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		SMTP.sendTo(registry);
	}

	@Autowired
	OneVisitServer server;

	@Autowired
	SimulatedSmsGateway sms;

	ChromeDriver seller;

	ChromeDriver office;

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void theSellerIsAskedForMoreAnswersOnThePageAndIsToldAtEachStep(String language, OpenBrowsers browsers)
			throws Exception {
		boolean english = "en".equals(language);
		String base = this.server.base();
		OneVisitHttp http = this.server.http();
		Matters matters = this.server.matters(http);
		String mail = "seller." + UUID.randomUUID() + "@example.test";
		String mobile = english ? "13800000611" : "13800000610";
		assertThat(choose(matters, """
				{"email":"%s","mobile":"%s","emailEnabled":true,"smsEnabled":true,"locale":"%s"}
				""".formatted(mail, mobile, language)).statusCode()).isEqualTo(200);

		// filed online: the answers checked, the declaration made
		this.seller = browsers.chromium(1280, 900);
		Browsers.logIn(this.seller, base, "applicant1");
		this.seller.get(base + "/apply/bundles/flat-transfer?lang=" + language);
		Browsers.waitFor(this.seller, By.id("field-buyerName"));
		RegistryControl.Flat flat = Matters.mintFlat(this.server.registries());
		String page = Browsers.fileTheFlatTransferOf(this.seller, flat);
		String id = page.substring(page.lastIndexOf('/') + 1);
		String seller = matters.bearer("applicant1");
		JsonNode filed = OneVisitHttp.json(http.get("/api/v1/applications/" + id, "Authorization", seller));
		String tracking = filed.path("trackingNo").asString();
		awaitEmail(mail, (body) -> body.contains(tracking));
		awaitText(mobile, (text) -> text.contains(tracking));
		JsonNode underReview = matters.confirmAsParties(filed);

		// the tax office asks for a clearer copy of a material and the payment method
		JsonNode material = underReview.path("materials").path(0);
		String taxTask = Matters.taskId(underReview, "tax");
		this.office = browsers.chromium(1280, 900);
		Browsers.logIn(this.office, base, "reviewer-tax");
		this.office.get(base + "/review/tasks/" + taxTask + "?lang=" + language);
		Browsers.waitFor(this.office, By.id("ask-material-0")).sendKeys("扫描件不清晰");
		this.office.findElement(By.cssSelector("#ask-fields input[name='field.paymentMethod']")).sendKeys("与网签合同不一致");
		WebElement ask = this.office
			.findElement(By.xpath("//form[input[@name='decision' and @value='SUPPLEMENT']]//button[@type='submit']"));
		ask.click();
		Browsers.waitUntilGone(this.office, ask);
		String due = OneVisitHttp.json(http.get("/api/v1/applications/" + id, "Authorization", seller))
			.path("tasks")
			.valueStream()
			.filter((task) -> task.path("id").asString().equals(taxTask))
			.findFirst()
			.orElseThrow()
			.path("supplementDue")
			.asString();
		assertThat(due).isNotBlank();
		String asked = english ? "needs more from you" : "需要补正";
		awaitEmail(mail, (body) -> body.contains(asked) && body.contains(due) && body.contains("付款方式"));
		awaitText(mobile, (text) -> text.contains(asked) && text.contains(due));

		// the seller answers each item on the page: the file, and the corrected field
		this.seller.get(page + "?lang=" + language);
		WebElement supplement = Browsers.waitFor(this.seller, By.id("supplement"));
		assertThat(supplement.getText()).contains(material.path("name").asString(), "扫描件不清晰", "付款方式", "与网签合同不一致", due);
		supplement.findElement(By.cssSelector("input[type=file]")).sendKeys(Browsers.aPdfFile());
		new Select(supplement.findElement(By.cssSelector("select[name='field.paymentMethod']")))
			.selectByVisibleText("公积金贷款");
		WebElement answer = supplement.findElement(By.cssSelector("button.primary"));
		answer.click();
		Browsers.waitUntilGone(this.seller, answer);
		assertThat(Browsers.waitFor(this.seller, By.cssSelector("p.notice")).getText()).isNotBlank();
		assertThat(this.seller.findElements(By.id("supplement"))).isEmpty();

		// the reviewer sees what changed since the request
		this.office.get(base + "/review/tasks/" + taxTask + "?lang=" + language);
		assertThat(Browsers.waitFor(this.office, By.id("supplement-changes")).getText()).contains("付款方式", "商业贷款",
				"公积金贷款", material.path("name").asString());

		// approved by every department and paid: the seller is told
		matters.approveAll(OneVisitHttp.json(http.get("/api/v1/applications/" + id, "Authorization", seller)));
		awaitEmail(mail, (body) -> body.contains(tracking) && body.contains(english ? "CNY" : "待缴费"));
		JsonNode paid = matters
			.payThroughTheSimulator(OneVisitHttp.json(http.get("/api/v1/applications/" + id, "Authorization", seller)));
		assertThat(paid.path("status").asString()).isEqualTo("APPROVED");
		// the approval itself, not the payment notice that says every department approved
		String approved = tracking + (english ? " is approved" : " 已审批通过");
		awaitEmail(mail, (body) -> body.contains(approved));
		awaitText(mobile, (text) -> text.contains(approved));
	}

	private HttpResponse<String> choose(Matters matters, String json) {
		return this.server.http()
			.putJson("/api/v1/my/notification-preferences", json, "Authorization", matters.bearer("applicant1"));
	}

	private static void awaitEmail(String address, Predicate<String> body) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (received(address).stream().noneMatch(body) && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
		assertThat(received(address)).as("e-mails to %s", address).anyMatch(body);
	}

	private void awaitText(String mobile, Predicate<String> text) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (this.sms.sentTo(mobile).stream().map(SimulatedSmsGateway.Sms::text).noneMatch(text)
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
		assertThat(this.sms.sentTo(mobile)).as("texts to %s", mobile)
			.extracting(SimulatedSmsGateway.Sms::text)
			.anyMatch(text);
	}

	/** The bodies of the e-mails that reached the address so far. */
	private static List<String> received(String address) {
		return SMTP.receivedBy(address).stream().map(TestSmtp::body).toList();
	}

}
