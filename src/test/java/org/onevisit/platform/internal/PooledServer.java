package org.onevisit.platform.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A throw-away embedded server with the application's roles, and the pool and the watch
 * the application's configuration builds on it, with the bounds a test chooses: for the
 * tests of those bounds, which the application's own cannot show in a test's time.
 */
final class PooledServer implements AutoCloseable {

	final EmbeddedDatabase server;

	final DatabaseProperties properties;

	final DatabaseWatch watch;

	final HikariDataSource pool;

	private PooledServer(EmbeddedDatabase server, DatabaseProperties properties, DatabaseWatch watch,
			HikariDataSource pool) {
		this.server = server;
		this.properties = properties;
		this.watch = watch;
		this.pool = pool;
	}

	/**
	 * Starts a server and connects a pool of this size whose statements run at most
	 * {@code statementTimeout}, whose lock waits last at most {@code lockTimeout} and
	 * whose reads from the server wait at most {@code socketTimeout}; a request waits 1 s
	 * for a connection and the watch asks every 500 ms for an answer within 1 s, as
	 * configured by default.
	 */
	static PooledServer start(int poolSize, Duration statementTimeout, Duration lockTimeout, Duration socketTimeout)
			throws IOException, SQLException {
		EmbeddedDatabase server = EmbeddedDatabase.start(new DatabaseProperties.Embedded("", 0, false, Map.of()));
		// the roles the pool connects as, as the application's configuration sets them up
		DatabaseRoles.setUp(server.jdbcUrl(), EmbeddedDatabase.DATABASE);
		DatabaseProperties properties = new DatabaseProperties(null, null, null, null, null, poolSize,
				Duration.ofSeconds(1), statementTimeout, lockTimeout, socketTimeout, Duration.ofMillis(500),
				Duration.ofSeconds(1), null);
		DatabaseConfiguration configuration = new DatabaseConfiguration();
		DatabaseWatch watch = configuration.databaseWatch(properties, server);
		return new PooledServer(server, properties, watch, configuration.dataSource(properties, server, watch));
	}

	@Override
	public void close() throws IOException {
		this.pool.close();
		this.watch.close();
		this.server.close();
	}

}
