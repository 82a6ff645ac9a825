package org.onevisit.platform.internal;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onevisit.platform.DatabaseModes.mode;

/**
 * Where QR codes and links point: the configured address, never a request's Host header;
 * a production start without one fails, saying what to set.
 */
class PublicUrlTests {

	@Test
	void refusesToStartOutsideDemoModeWithoutAPublicUrl() {
		MockEnvironment production = new MockEnvironment();

		assertThatThrownBy(() -> new PublicUrlConfiguration().publicUrl(production, mode(false)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("onevisit.public-url")
			.hasMessageContaining("ONEVISIT_PUBLIC_URL");
	}

	@Test
	void refusesAPublicUrlThatIsNotAnHttpAddress() {
		MockEnvironment production = new MockEnvironment().withProperty("onevisit.public-url", "zwfw.example.gov.cn");

		assertThatThrownBy(() -> new PublicUrlConfiguration().publicUrl(production, mode(false)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("https://");
	}

	@Test
	void usesTheConfiguredAddressWithoutItsTrailingSlash() {
		MockEnvironment production = new MockEnvironment().withProperty("onevisit.public-url",
				"https://zwfw.example.gov.cn/");

		assertThat(new PublicUrlConfiguration().publicUrl(production, mode(false)).base())
			.isEqualTo("https://zwfw.example.gov.cn");
	}

	@Test
	void theDemoPointsAtItsOwnPortOnThisMachine() {
		MockEnvironment demo = new MockEnvironment().withProperty("local.server.port", "54321");

		assertThat(new PublicUrlConfiguration().publicUrl(demo, mode(true)).base()).isEqualTo("http://localhost:54321");
	}

}
