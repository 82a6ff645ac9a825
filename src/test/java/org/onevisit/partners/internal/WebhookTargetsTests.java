package org.onevisit.partners.internal;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks go to https addresses on the public internet only: a URL naming, or resolving
 * to, this machine or a private network is refused, unless the setting for tests and the
 * demo allows it.
 */
class WebhookTargetsTests {

	final WebhookTargets production = new WebhookTargets(false);

	@Test
	void refusesLoopbackPrivateLinkLocalAndUniqueLocalAddresses() {
		for (String url : new String[] { "https://127.0.0.1/hook", "https://127.8.9.10/hook", "https://10.1.2.3/hook",
				"https://172.16.0.9/hook", "https://172.31.255.1/hook", "https://192.168.1.20/hook",
				"https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
				"https://[::1]/hook", "https://[fd12:3456:789a::1]/hook", "https://[fc00::7]/hook",
				"https://[fe80::1]/hook", "https://[::ffff:10.0.0.1]/hook", "https://[::]/hook" }) {
			assertThat(this.production.refusal(url)).as(url).isEqualTo(WebhookTargets.Refusal.PRIVATE);
		}
	}

	@Test
	void refusesANameThatResolvesToThisMachine() {
		assertThat(this.production.refusal("https://localhost:8443/hook")).isEqualTo(WebhookTargets.Refusal.PRIVATE);
	}

	@Test
	void acceptsAPublicHttpsAddress() {
		assertThat(this.production.refusal("https://93.184.215.14/onevisit")).isNull();
		assertThat(this.production.refusal("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/onevisit")).isNull();
		assertThat(this.production.refusal("https://172.32.0.1/hook")).isNull();
	}

	@Test
	void refusesPlainHttpAndCredentialsInTheAddress() {
		assertThat(this.production.refusal("http://93.184.215.14/hook")).isEqualTo(WebhookTargets.Refusal.INVALID);
		assertThat(this.production.refusal("https://user:secret@93.184.215.14/hook"))
			.isEqualTo(WebhookTargets.Refusal.INVALID);
		assertThat(this.production.refusal("not a url")).isEqualTo(WebhookTargets.Refusal.INVALID);
	}

	@Test
	void theSettingForTestsAndTheDemoAllowsThisMachine() {
		WebhookTargets tests = new WebhookTargets(true);
		assertThat(tests.refusal("http://127.0.0.1:9000/hook")).isNull();
		assertThat(tests.refusal("https://192.168.1.20/hook")).isNull();
		// plain http still only to this machine
		assertThat(tests.refusal("http://93.184.215.14/hook")).isEqualTo(WebhookTargets.Refusal.INVALID);
	}

	@Test
	void classifiesAddressesByTheirRange() throws Exception {
		assertThat(WebhookTargets.privateAddress(InetAddress.getByName("8.8.8.8"))).isFalse();
		assertThat(WebhookTargets.privateAddress(InetAddress.getByName("100.128.0.1"))).isFalse();
		assertThat(WebhookTargets.privateAddress(InetAddress.getByName("100.127.255.254"))).isTrue();
		assertThat(WebhookTargets.privateAddress(InetAddress.getByName("224.0.0.1"))).isTrue();
	}

}
