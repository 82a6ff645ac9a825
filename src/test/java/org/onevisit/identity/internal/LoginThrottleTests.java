package org.onevisit.identity.internal;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing is throttled per account and per address. A context of its own, with
 * low limits, since every test here logs in from the same address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onevisit.login.per-account=3", "onevisit.login.per-address=6" })
class LoginThrottleTests {

	@Autowired
	OneVisitServer server;

	HttpResponse<String> token(OneVisitHttp http, String username, String password) {
		return http.postJson("/api/v1/auth/token",
				"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
	}

	@Test
	void refusesAnAccountAfterRepeatedFailuresEvenWithTheRightPasswordAndAnAddressAfterMore() {
		OneVisitHttp http = this.server.http();
		HttpResponse<String> unknown = token(http, "nobody", "guess");
		HttpResponse<String> wrong = token(http, "applicant2", "guess-1");
		// the same answer whether the account exists or not
		assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
		assertThat(OneVisitHttp.json(unknown).path("detail").asString())
			.isEqualTo(OneVisitHttp.json(wrong).path("detail").asString());
		token(http, "applicant2", "guess-2");
		token(http, "applicant2", "guess-3");

		HttpResponse<String> throttled = token(http, "applicant2", "onevisit-demo");
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(OneVisitHttp.json(throttled).path("code").asString()).isEqualTo("too_many_attempts");
		assertThat(token(http, "applicant1", "onevisit-demo").statusCode()).isEqualTo(200);

		// two more failures make six from this address: now nobody logs in from it. They
		// claim other addresses, but the test client is no trusted proxy, so the claim
		// counts for nothing
		http.postJson("/api/v1/auth/token", "{\"username\":\"nobody-else\",\"password\":\"guess\"}", "X-Forwarded-For",
				"203.0.113.1");
		http.postJson("/api/v1/auth/token", "{\"username\":\"nobody-at-all\",\"password\":\"guess\"}",
				"X-Forwarded-For", "203.0.113.2");
		HttpResponse<String> page = http.logIn("applicant1", "onevisit-demo");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?throttled"));
		HttpResponse<String> loginPage = http.get("/login?throttled");
		assertThat(loginPage.statusCode()).isEqualTo(429);
		assertThat(loginPage.body()).contains("登录失败次数过多");
	}

}
