package org.onevisit.portal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onevisit.Browsers;
import org.onevisit.Matters;
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
 * The journeys OneVisit exists for, in headless Chromium: a citizen sells a flat without
 * a visit, a clerk accepts a walk-in business start-up at the window, and a citizen opens
 * a restaurant whose permit and fire check wait for the shop's business licence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OpenBrowsers.class)
class JourneyBrowserTests {

	@Autowired
	OneVisitServer server;

	ChromeDriver seller;

	ChromeDriver office;

	@Test
	void theSellerTransfersTheFlatWithoutUploadingAnythingPaysAndVerifiesTheLicence(OpenBrowsers browsers)
			throws Exception {
		String base = this.server.base();
		this.seller = applicant1On(browsers, "/apply/bundles/flat-transfer");
		Browsers.waitFor(this.seller, By.id("field-buyerName"));
		// the only file inputs are the optional corrections, folded away
		assertThat(this.seller.findElements(By.cssSelector("input[type=file]:not(details input)")))
			.as("nothing a department holds is asked for")
			.isEmpty();
		assertThat(this.seller.findElements(By.cssSelector(".materials .badge"))).extracting(WebElement::getText)
			.isNotEmpty()
			.allSatisfy((badge) -> assertThat(badge).isNotEqualTo("需要您提交"));
		// a flat of his own for this test: an approved transfer moves a flat for good
		RegistryControl.Flat flat = Matters.mintFlat(this.server.registries());
		String progress = Browsers.fileTheFlatTransferOf(this.seller, flat);
		String trackingNumber = this.seller.findElement(By.tagName("h1"))
			.getText()
			.replaceAll("\\D*(339900-[\\d-]+).*", "$1");

		// the fee is owed from filing, payable with the taxes once the tax office
		// assessed
		// them
		assertThat(Browsers.waitFor(this.seller, By.id("payment-panel")).getText()).contains("80", "待缴费",
				"税务部门核定税款后即可缴费");
		assertThat(this.seller.getTitle()).as("panels loaded into the page leave its title alone")
			.contains(trackingNumber);

		// his wife, co-owner of the flat, and the buyer confirm in their own spaces
		// before any department sees it
		this.office = browsers.chromium(1280, 900);
		for (String party : List.of("applicant3", "applicant2")) {
			this.office.manage().deleteAllCookies();
			Browsers.logIn(this.office, base, party);
			PartiesBrowserTests.confirmInMySpace(this.office, base, trackingNumber);
		}

		// the three departments approve in their inboxes while the seller watches
		for (String department : List.of("housing", "tax", "nr")) {
			approveInTheInbox(base, "reviewer-" + department, trackingNumber);
		}
		// every department approved: the matter waits for the fee and the taxes, paid
		// together through the provider's page
		this.seller.get(progress);
		assertThat(Browsers.waitFor(this.seller, By.id("payment-panel")).getText()).contains("契税（承受方）", "2024年第16号");
		Browsers.waitFor(this.seller, By.cssSelector("#payment-panel button.primary")).click();
		assertThat(Browsers.waitForHeading(this.seller, (h) -> h.contains("支付收银台"))).contains("支付收银台");
		this.seller.findElement(By.cssSelector("main form button.primary")).click();
		assertThat(until(() -> this.seller.findElements(By.cssSelector("#payment-panel .badge.ok")), 10))
			.singleElement()
			.satisfies((badge) -> assertThat(badge.getText()).isEqualTo("已缴费"));
		assertThat(this.seller.getCurrentUrl()).startsWith(progress);
		// the progress page updates itself, no reload
		assertFinishedOnItsPage();

		// the licence issued for the matter is on its page, and its QR code leads to
		// a page that verifies it
		assertThat(until(() -> {
			this.seller.navigate().refresh();
			return this.seller.findElements(By.cssSelector("#licence-panel figure.qr svg"));
		}, 20)).isNotEmpty();
		assertThat(this.seller.findElement(By.id("licence-panel")).getText()).contains("不动产权证书");
		// a screenshot taken while the swapped-in panel is still being laid out can
		// cut the code: read it again, as a phone's camera would, until it decodes
		String verifyUrl = until(() -> decodeQr(this.seller.findElement(By.cssSelector("#licence-panel figure.qr svg"))
			.getScreenshotAs(OutputType.BYTES)), 10);
		assertThat(verifyUrl).contains("/verify/licences/");
		this.seller.get(verifyUrl.replaceFirst("^https?://[^/]+", base));
		assertThat(Browsers.waitFor(this.seller, By.tagName("main")).getText()).contains("证照真实有效");
		assertThat(Browsers.consoleErrors(this.seller)).isEmpty();
	}

	@Test
	void theClerkAcceptsAWalkInBusinessStartupAfterPrintingTheNoticeOfWhatIsMissing(OpenBrowsers browsers)
			throws Exception {
		String base = this.server.base();
		this.office = browsers.chromium(1280, 900);
		Browsers.logIn(this.office, base, "clerk1");

		this.office.get(base + "/hall");
		this.office.findElement(By.id("residentId")).sendKeys("339903199007180029");
		this.office.findElement(By.cssSelector("select[name=matter]"))
			.findElement(By.cssSelector("option[value='bundles/business-startup']"))
			.click();
		this.office.findElement(By.cssSelector("main form button.primary")).click();
		Browsers.waitFor(this.office, By.id("field-companyName")).sendKeys("示范市窗口浏览器测试有限公司");
		this.office.findElement(By.cssSelector("form.stack button[type=submit]")).click();

		assertThat(Browsers.waitForHeading(this.office, "一次性告知书"::equals)).isEqualTo("一次性告知书");
		List<String> missing = this.office.findElements(By.cssSelector("ol.missing li"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(missing).anySatisfy((line) -> assertThat(line).contains("公司章程")).hasSizeGreaterThan(3);
		assertThat(this.office.findElements(By.cssSelector("[data-print]"))).isNotEmpty();

		// the applicant comes back with everything: the clerk scans the two documents
		this.office.findElement(By.cssSelector("[data-back]")).click();
		Browsers.waitFor(this.office, By.id("field-companyName"));
		this.office.navigate().refresh();
		type("field-companyName", "示范市窗口浏览器测试有限公司");
		type("field-legalRepresentativeId", "339903199007180029");
		type("field-legalRepresentativeName", "李四");
		type("field-registeredCapital", "100");
		type("field-address", "示范市西山区人民路66号");
		type("field-businessScope", "软件开发");
		type("field-accountant", "李四");
		type("field-employeeCount", "3");
		// whatever else is required and still empty, as a clerk would complete it
		this.office.executeScript("""
				document.querySelectorAll('select[name^="field."]').forEach((s) => {
				  if (!s.value) { const o = [...s.options].find((o) => o.value); if (o) s.value = o.value; } });
				document.querySelectorAll('input[name^="field."][required]').forEach((i) => {
				  if (!i.value && i.type !== 'checkbox') i.value = '1'; });
				""");
		String scan = Browsers.aPdfFile();
		this.office.findElement(By.id("upload-articles")).sendKeys(scan);
		this.office.findElement(By.id("upload-officer-appointment")).sendKeys(scan);
		this.office.findElement(By.cssSelector("form.stack button[type=submit]")).click();

		assertThat(Browsers.waitForHeading(this.office, "受理回执"::equals)).isEqualTo("受理回执");
		assertThat(this.office.findElement(By.id("tracking-number")).getText()).matches("339900-\\d{8}-\\d{6}");
		assertThat(this.office.findElements(By.cssSelector("figure.qr svg"))).isNotEmpty();
		assertThat(Browsers.consoleErrors(this.office)).isEmpty();
	}

	@Test
	void theOperatorOpensARestaurantAndReceivesTheShopLicenceThePermitAndTheFireCheck(OpenBrowsers browsers)
			throws Exception {
		String base = this.server.base();
		this.seller = applicant1On(browsers, "/apply/bundles/restaurant");
		Browsers.waitFor(this.seller, By.id("field-shopName"))
			.sendKeys("示范浏览器小馆" + UUID.randomUUID().toString().substring(0, 6));
		Browsers.retype(this.seller, "field-address", "示范市东湖区美食街18号");
		Browsers.retype(this.seller, "field-businessScope", "餐饮服务");
		Browsers.retype(this.seller, "field-floorArea", "86.5");
		this.seller.findElement(By.id("field-menuCategory"))
			.findElement(By.cssSelector("option[value='热食类食品制售']"))
			.click();
		WebElement commitment = this.seller.findElement(By.id("field-fireCommitment"));
		if (!commitment.isSelected()) {
			commitment.click();
		}
		String plan = Browsers.aPdfFile();
		this.seller.findElement(By.id("upload-floor-plan")).sendKeys(plan);
		this.seller.findElement(By.id("upload-fire-plan")).sendKeys(plan);
		this.seller.findElement(By.cssSelector("form.stack button[type=submit]")).click();
		Browsers.declareAndFile(this.seller);
		Browsers.waitFor(this.seller, By.id("progress"));
		String progress = this.seller.getCurrentUrl().replaceFirst("\\?.*", "");
		String trackingNumber = this.seller.findElement(By.tagName("h1"))
			.getText()
			.replaceAll("\\D*(339900-[\\d-]+).*", "$1");

		// the shop's registration first; its business licence opens the permit and the
		// fire check, which the market regulator and the fire service then approve
		this.office = browsers.chromium(1280, 900);
		approveInTheInbox(base, "reviewer-samr", trackingNumber);
		approveInTheInbox(base, "reviewer-samr", trackingNumber);
		approveInTheInbox(base, "reviewer-fire", trackingNumber);

		this.seller.get(progress);
		assertFinishedOnItsPage();
		assertThat(until(() -> {
			this.seller.navigate().refresh();
			String licences = this.seller.findElement(By.id("licence-panel")).getText();
			return (licences.contains("营业执照") && licences.contains("食品经营许可证") && licences.contains("消防安全检查意见书"))
					? licences : null;
		}, 20)).isNotNull();
		assertThat(Browsers.consoleErrors(this.seller)).isEmpty();
	}

	/** The matter's page, updating itself, shows it finished (已办结) within 25 s. */
	private void assertFinishedOnItsPage() throws InterruptedException {
		assertThat(
				until(() -> this.seller.findElement(By.cssSelector("#progress .facts .badge")).getText().equals("已办结")
						? "done" : null, 25))
			.isEqualTo("done");
	}

	/** 张三 (applicant1) signed in on a phone-sized window, on the page at this path. */
	private ChromeDriver applicant1On(OpenBrowsers browsers, String path) {
		ChromeDriver browser = browsers.chromium(390, 844);
		Browsers.logIn(browser, this.server.base(), "applicant1");
		browser.get(this.server.base() + path);
		return browser;
	}

	/**
	 * The reviewer signs in, opens the matter's task that is theirs to decide once the
	 * inbox lists it (a task waiting for another's result is not listed) and approves
	 * every step of it, a step that must be another's (登簿 after 受理) by the department's
	 * second reviewer.
	 */
	private void approveInTheInbox(String base, String reviewer, String trackingNumber) throws Exception {
		this.office.manage().deleteAllCookies();
		Browsers.logIn(this.office, base, reviewer);
		String task = until(() -> {
			this.office.get(base + "/review");
			List<String> listed = this.office.findElements(By.linkText(trackingNumber))
				.stream()
				.map((link) -> link.getAttribute("href"))
				.toList();
			for (String href : listed) {
				this.office.get(href);
				if (!this.office.findElements(By.cssSelector("form.decision button.primary")).isEmpty()) {
					return href;
				}
			}
			return null;
		}, 20);
		assertThat(task).as("%s has a step of %s to decide", reviewer, trackingNumber).isNotNull();
		for (int step = 0; step < 5; step++) {
			this.office.get(task);
			if (this.office.findElement(By.tagName("main")).getText().contains("须由另一名工作人员办理")) {
				// 登簿 by another registrar than the one who did 受理
				this.office.manage().deleteAllCookies();
				Browsers.logIn(this.office, base, reviewer + "2");
				this.office.get(task);
			}
			List<WebElement> approve = this.office.findElements(By.cssSelector("form.decision button.primary"));
			if (approve.isEmpty()) {
				break;
			}
			approve.get(0).click();
			// the old page's heading is there at once: wait until the form's page is
			// gone, or the next get() cancels the decision still being posted
			Browsers.waitUntilGone(this.office, approve.get(0));
			Browsers.waitFor(this.office, By.tagName("h1"));
		}
		this.office.get(task);
		assertThat(this.office.findElement(By.tagName("main")).getText()).contains("已通过");
	}

	private void type(String field, String text) {
		WebElement input = this.office.findElement(By.id(field));
		input.clear();
		input.sendKeys(text);
	}

	/**
	 * The text of the QR code in the image, or null where none can be read. The image is
	 * the code's element alone, a pure barcode: read as such, since the finder's sampling
	 * grid misses modules of about 11.4 pixels (the code scaled to its box) and fails the
	 * checksum on a perfectly drawn code.
	 */
	private static String decodeQr(byte[] png) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
			int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
			return new QRCodeReader()
				.decode(new BinaryBitmap(
						new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
						Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
				.getText();
		}
		catch (ReaderException ex) {
			keepUnreadable(png);
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Kept for whoever wonders why a code did not read at first. */
	private static void keepUnreadable(byte[] png) {
		try {
			Files.write(Path.of("target", "unreadable-qr-" + System.nanoTime() + ".png"), png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Polls until the supplier answers something (a non-empty list, or not null). */
	private static <T> T until(Supplier<T> probe, int seconds) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
		while (true) {
			T value;
			try {
				value = probe.get();
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				value = null;
			}
			boolean present = (value instanceof java.util.Collection<?> many) ? !many.isEmpty() : value != null;
			if (present || Instant.now().isAfter(deadline)) {
				return value;
			}
			Thread.sleep(250);
		}
	}

}
