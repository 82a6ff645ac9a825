package org.onevisit.platform.internal;

import org.onevisit.platform.DatabaseMode;
import org.onevisit.platform.PublicUrl;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@code onevisit.public-url} or, in demo mode only, this machine's own port: a start
 * without it in production fails here, with what to set, rather than later printing QR
 * codes that point wherever a request's Host header said.
 */
@Configuration(proxyBeanMethods = false)
class PublicUrlConfiguration {

	static final String PROPERTY = "onevisit.public-url";

	@Bean
	PublicUrl publicUrl(Environment environment, DatabaseMode mode) {
		String configured = environment.getProperty(PROPERTY, "");
		if (StringUtils.hasText(configured)) {
			String base = configured.strip().replaceAll("/+$", "");
			if (!base.matches("https?://[^/\\s?#]+(/[^\\s?#]*)?")) {
				throw new IllegalStateException(
						PROPERTY + " must be an http(s) address such as https://zwfw.example.gov.cn, not " + base);
			}
			return () -> base;
		}
		if (!mode.demo()) {
			throw new IllegalStateException(PROPERTY + " (ONEVISIT_PUBLIC_URL) must be set outside demo mode: "
					+ "it is the address printed in licences' QR codes and in links sent to people, "
					+ "for example ONEVISIT_PUBLIC_URL=https://zwfw.example.gov.cn");
		}
		// the demo runs on this machine: its own port, read once the server listens
		return () -> "http://localhost:"
				+ environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
	}

}
