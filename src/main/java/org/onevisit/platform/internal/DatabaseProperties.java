package org.onevisit.platform.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onevisit.db.*}: an external server by URL, user and password (environment
 * {@code ONEVISIT_DB_URL}, {@code ONEVISIT_DB_USER}, {@code ONEVISIT_DB_PASSWORD}), or
 * the embedded one. A request waits at most {@code connectionTimeout} for a connection:
 * while the database is down it is answered 503 after that, not after the pool's usual
 * thirty seconds.
 */
@ConfigurationProperties("onevisit.db")
record DatabaseProperties(String url, String user, String password, @DefaultValue("20") int poolSize,
		@DefaultValue("1s") Duration connectionTimeout, @DefaultValue Embedded embedded) {

	/**
	 * The in-process server: where it keeps its data (blank for a throw-away directory),
	 * its port (0 for any free one), whether it runs durably (fsync and synchronous
	 * commit on), and further server settings (e.g. {@code shared_preload_libraries} for
	 * a benchmark that counts statements).
	 */
	record Embedded(String dataDirectory, @DefaultValue("0") int port, @DefaultValue("true") boolean durable,
			Map<String, String> settings) {
	}

}
