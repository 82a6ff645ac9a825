package org.onevisit.identity.internal;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.onevisit.DemoTotp;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind the load balancer every login arrives from the balancer's address; the throttle
 * must count the clients it names in {@code X-Forwarded-For}, and bad passwords sent from
 * one client must not hold back the account's owner at another. The test client is the
 * trusted proxy here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "onevisit.security.trusted-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
class LoginThrottleBehindProxyTests {

	@Autowired
	OneVisitServer server;

	HttpResponse<String> token(OneVisitHttp http, String username, String password, String client) {
		return http.postJson("/api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\"" + password
				+ "\",\"otp\":\"" + DemoTotp.now() + "\"}", "X-Forwarded-For", client);
	}

	@Test
	void aLoadBalancerFullOfFailuresLocksNobodyOut() {
		OneVisitHttp balancer = this.server.http();
		for (int i = 1; i <= 20; i++) {
			assertThat(token(balancer, "applicant" + (i % 3), "wrong-" + i, "203.0.113." + i).statusCode())
				.isEqualTo(401);
		}
		assertThat(token(balancer, "applicant1", "onevisit-demo", "198.51.100.7").statusCode()).isEqualTo(200);
		// and the page login behind the same balancer
		HttpResponse<String> page = balancer.logIn("applicant2", "onevisit-demo");
		assertThat(page.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("throttled").doesNotContain("error"));
	}

	@Test
	void badPasswordsFromElsewhereDoNotLockAStaffMemberOut() {
		OneVisitHttp attacker = this.server.http();
		for (int i = 1; i <= 12; i++) {
			token(attacker, "supervisor1", "guess-" + i, "192.0.2.66");
		}
		// the attacker's own address is held back, even with the right password
		assertThat(token(attacker, "supervisor1", "onevisit-demo", "192.0.2.66").statusCode()).isEqualTo(429);

		OneVisitHttp owner = this.server.http();
		assertThat(token(owner, "supervisor1", "onevisit-demo", "198.51.100.20").statusCode()).isEqualTo(200);
	}

}
