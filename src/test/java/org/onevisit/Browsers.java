package org.onevisit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.onevisit.registries.RegistryControl;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Debian Chromium for browser tests, driven through Debian's chromedriver: no
 * test tool downloads a browser of its own. Where Chromium is missing the test is skipped
 * with a clear message, except under {@code CI=true}, where a missing browser is a
 * failure.
 */
public final class Browsers {

	static final File CHROMIUM = new File(System.getProperty("onevisit.chromium", "/usr/bin/chromium"));

	static final File CHROMEDRIVER = new File(System.getProperty("onevisit.chromedriver", "/usr/bin/chromedriver"));

	private Browsers() {
	}

	/** A fresh headless browser in Simplified Chinese at the given window width. */
	public static ChromeDriver chromium(int width, int height) {
		requireChromium();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--lang=zh-CN", "--window-size=" + width + "," + height,
				"--user-data-dir=" + temporaryProfile());
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/**
	 * A small PDF on disk ({@link Matters#aPdf()}), for a page's file input, which takes
	 * a path.
	 */
	public static String aPdfFile() throws IOException {
		Path file = Files.createTempFile("scan", ".pdf");
		Files.write(file, Matters.aPdf());
		file.toFile().deleteOnExit();
		return file.toString();
	}

	/** Logs in through the login page and waits until the page shows who is signed in. */
	public static void logIn(WebDriver browser, String base, String username) {
		browser.get(base + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("onevisit-demo");
		browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> !page.getCurrentUrl().endsWith("/login"));
		if (browser.getCurrentUrl().contains("/login/second-factor")) {
			// a demo staff account: the code the demo secret gives now
			waitFor(browser, By.id("code")).sendKeys(DemoTotp.now());
			browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
			new WebDriverWait(browser, Duration.ofSeconds(10))
				.until((page) -> !page.getCurrentUrl().contains("/login/second-factor"));
		}
		waitFor(browser, By.cssSelector(".nav .who"));
	}

	/**
	 * Writes the value over what the form field with this id holds (a pre-filled value
	 * the test replaces, as a person would).
	 */
	public static void retype(WebDriver browser, String fieldId, String value) {
		WebElement field = waitFor(browser, By.id(fieldId));
		field.clear();
		field.sendKeys(value);
	}

	/**
	 * Ticks the 承诺 on the check page, files, and follows the receipt's link to the
	 * matter's page, where the journeys go on.
	 */
	public static void declareAndFile(WebDriver browser) {
		declareAndFileToTheReceipt(browser);
		waitFor(browser, By.id("to-progress")).click();
	}

	/**
	 * On the flat transfer's form: the flat's certificate and address typed over what was
	 * filled in, the answers checked (they show the address), declared and filed; answers
	 * the address of the matter's page the seller lands on, without its query.
	 */
	public static String fileTheFlatTransferOf(WebDriver seller, RegistryControl.Flat flat) {
		retype(seller, "field-certificateNo", flat.certificateNo());
		retype(seller, "field-address", flat.address());
		seller.findElement(By.cssSelector("form.stack button[type=submit]")).click();
		assertThat(waitFor(seller, By.cssSelector("dl.answers")).getText()).contains(flat.address());
		declareAndFile(seller);
		waitFor(seller, By.id("progress"));
		return seller.getCurrentUrl().replaceFirst("\\?.*", "");
	}

	/** Ticks the 承诺 on the check page and files: the receipt page is shown. */
	public static void declareAndFileToTheReceipt(WebDriver browser) {
		waitFor(browser, By.id("declaration")).click();
		browser.findElement(By.cssSelector("button[name=action][value=file]")).click();
		waitFor(browser, By.id("filing-receipt"));
	}

	/** Waits until the element is in the page: a click only starts a navigation. */
	public static WebElement waitFor(WebDriver browser, By element) {
		return new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(element));
	}

	/**
	 * Waits until the element's page has been replaced (after a click that navigates).
	 */
	public static void waitUntilGone(WebDriver browser, WebElement element) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((driver) -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				// asked while the new page replaces the old one, Chromium answers that
				// the
				// node belongs to no document rather than that it is stale: gone all the
				// same
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

	/**
	 * Waits until the page's heading reads as expected: after a click the old page's
	 * heading may still be there, or go stale while it is read.
	 */
	public static String waitForHeading(WebDriver browser, java.util.function.Predicate<String> expected) {
		return new WebDriverWait(browser, Duration.ofSeconds(15))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.ignoring(org.openqa.selenium.NoSuchElementException.class)
			.until((driver) -> {
				String heading = driver.findElement(By.tagName("h1")).getText();
				return expected.test(heading) ? heading : null;
			});
	}

	/** The browser console's errors so far: a script the policy blocked shows here. */
	public static List<String> consoleErrors(WebDriver browser) {
		return browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	static void requireChromium() {
		boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
		if (installed) {
			return;
		}
		String message = "Browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
				+ "); install them with: apt-get install -y chromium chromium-driver";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail("CI=true and " + message);
		}
		System.out.println("SKIPPED: " + message);
		Assumptions.abort("skipped: " + message);
	}

	private static String temporaryProfile() {
		try {
			File profile = Files.createTempDirectory("onevisit-chromium").toFile();
			profile.deleteOnExit();
			return profile.getAbsolutePath();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
