package org.onevisit.platform.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onevisit.db.*}: an external server by URL, user and password (environment
 * {@code ONEVISIT_DB_URL}, {@code ONEVISIT_DB_USER}, {@code ONEVISIT_DB_PASSWORD}), or
 * the embedded one. The migrations run as the owner role ({@code ONEVISIT_DB_OWNER_USER},
 * {@code ONEVISIT_DB_OWNER_PASSWORD}), which owns the tables; the application's user gets
 * only the rights the migrations grant it (docs/deployment.md). A request waits at most
 * {@code connectionTimeout} for a connection: while the database is down it is answered
 * 503 after that, not after the pool's usual thirty seconds.
 * <p>
 * The waits once connected are bounded too: a request's statement runs at most
 * {@code statementTimeout} and waits at most {@code lockTimeout} for a lock (the server
 * cancels it), a read from the server waits at most {@code socketTimeout} (for a server
 * that cannot cancel anything, e.g. frozen), and a watch asks the server every
 * {@code watchInterval} for an answer within {@code watchTimeout}: when none comes, the
 * pool's connections are cut so that the requests on them are answered 503 at once.
 * Migrations run on connections of their own without these limits.
 */
@ConfigurationProperties("onevisit.db")
record DatabaseProperties(String url, String user, String password, String ownerUser, String ownerPassword,
		@DefaultValue("20") int poolSize, @DefaultValue("1s") Duration connectionTimeout,
		@DefaultValue("5s") Duration statementTimeout, @DefaultValue("2s") Duration lockTimeout,
		@DefaultValue("7s") Duration socketTimeout, @DefaultValue("500ms") Duration watchInterval,
		@DefaultValue("1s") Duration watchTimeout, @DefaultValue Embedded embedded) {

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
