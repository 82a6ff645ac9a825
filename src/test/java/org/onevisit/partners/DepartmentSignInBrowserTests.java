package org.onevisit.partners;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.Browsers;
import org.onevisit.DemoTotp;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.Partners;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department system signs a member of staff in with OneVisit's accounts (单点登录) in a
 * real browser: the system sends the browser to OneVisit's authorization endpoint with a
 * PKCE challenge, the reviewer signs in on OneVisit's own page with the second factor,
 * and the browser comes back to the system with a code, which the system (a tiny server
 * on this machine, as a department's would be) redeems with its verifier for an ID token
 * it checks against the published keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DepartmentSignInBrowserTests {

	@Autowired
	OneVisitServer server;

	HttpServer system;

	Partners.Client client;

	/** state -> PKCE verifier, as the department system keeps them between the legs. */
	final Map<String, String> pending = new ConcurrentHashMap<>();

	final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@BeforeEach
	void aDepartmentSystemRegisteredWithItsCallback() throws IOException {
		this.system = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.system.createContext("/start", this::start);
		this.system.createContext("/callback", this::callback);
		this.system.start();
		this.client = new Partners(this.server.port())
			.register("name=" + Partners.encode("不动产登记业务系统" + UUID.randomUUID().toString().substring(0, 4))
					+ "&kind=DEPARTMENT_SYSTEM&redirectUri=" + Partners.encode(systemBase() + "/callback"));
	}

	@AfterEach
	void stopTheSystem() {
		this.system.stop(0);
	}

	@Test
	void aReviewerSignsInToADepartmentSystemWithTheSecondFactorThroughAuthorizationCodeAndPkce() {
		ChromeDriver browser = Browsers.chromium(1200, 900);
		try {
			browser.get(systemBase() + "/start");
			// OneVisit's own sign-in page, with the second factor
			Browsers.waitFor(browser, By.id("username")).sendKeys("reviewer-nr");
			browser.findElement(By.id("password")).sendKeys("onevisit-demo");
			browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
			Browsers.waitFor(browser, By.id("code")).sendKeys(DemoTotp.now());
			browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();

			// back at the department system, signed in
			try {
				new WebDriverWait(browser, Duration.ofSeconds(90))
					.until((page) -> page.getCurrentUrl().startsWith(systemBase() + "/callback"));
			}
			catch (org.openqa.selenium.TimeoutException ex) {
				throw new AssertionError("not back at the system: " + browser.getCurrentUrl() + "\n"
						+ browser.findElement(By.tagName("body")).getText(), ex);
			}
			String shown = Browsers.waitFor(browser, By.id("signed-in")).getText();
			assertThat(shown).isEqualTo("reviewer-nr|nr|REVIEWER|verified");
			assertThat(browser.getCurrentUrl()).contains("state=");
		}
		finally {
			browser.quit();
		}
	}

	/** The system's sign-in link: to OneVisit with a fresh state and PKCE challenge. */
	private void start(HttpExchange exchange) throws IOException {
		try {
			String state = UUID.randomUUID().toString();
			String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
			this.pending.put(state, verifier);
			String challenge = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(
						MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
			String authorize = this.server.base() + "/oauth2/authorize?response_type=code&client_id="
					+ this.client.clientId() + "&redirect_uri=" + Partners.encode(systemBase() + "/callback")
					+ "&scope=openid%20profile&state=" + state + "&code_challenge=" + challenge
					+ "&code_challenge_method=S256";
			exchange.getResponseHeaders().add("Location", authorize);
			exchange.sendResponseHeaders(302, -1);
		}
		catch (Exception ex) {
			answer(exchange, 500, "<p id=error>" + ex + "</p>");
		}
		finally {
			exchange.close();
		}
	}

	/**
	 * The code comes back: redeemed with the verifier of its state, and the ID token
	 * checked against OneVisit's published keys before the system trusts who it names.
	 */
	private void callback(HttpExchange exchange) throws IOException {
		try {
			Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
			String verifier = this.pending.remove(query.get("state"));
			if (verifier == null || query.get("code") == null) {
				answer(exchange, 400, "<p id=error>unknown state</p>");
				return;
			}
			String base = this.server.base();
			HttpResponse<String> tokens = this.http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
				.timeout(Duration.ofSeconds(20))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Authorization", this.client.basic())
				.POST(HttpRequest.BodyPublishers
					.ofString("grant_type=authorization_code&code=" + query.get("code") + "&redirect_uri="
							+ Partners.encode(systemBase() + "/callback") + "&code_verifier=" + verifier))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (tokens.statusCode() != 200) {
				answer(exchange, 502, "<p id=error>" + tokens.statusCode() + " " + tokens.body() + "</p>");
				return;
			}
			SignedJWT idToken = SignedJWT.parse(OneVisitHttp.json(tokens).path("id_token").asString());
			JWKSet keys = JWKSet.parse(this.http
				.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/jwks")).timeout(Duration.ofSeconds(20)).build(),
						HttpResponse.BodyHandlers.ofString())
				.body());
			boolean verified = idToken
				.verify(new ECDSAVerifier(keys.getKeyByKeyId(idToken.getHeader().getKeyID()).toECKey()))
					&& idToken.getJWTClaimsSet().getAudience().contains(this.client.clientId());
			var claims = idToken.getJWTClaimsSet();
			answer(exchange, 200,
					"<h1 id=signed-in>" + claims.getSubject() + "|" + claims.getStringClaim("department") + "|"
							+ String.join(",", claims.getStringListClaim("roles")) + "|"
							+ (verified ? "verified" : "forged") + "</h1>");
		}
		catch (Exception ex) {
			answer(exchange, 500, "<p id=error>" + ex + "</p>");
		}
		finally {
			exchange.close();
		}
	}

	private static void answer(HttpExchange exchange, int status, String html) throws IOException {
		byte[] body = ("<!doctype html><html lang=zh-CN><title>system</title>" + html + "</html>")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	private String systemBase() {
		return "http://127.0.0.1:" + this.system.getAddress().getPort();
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new HashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] parts = pair.split("=", 2);
				values.put(parts[0], (parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
			}
		}
		return values;
	}

}
