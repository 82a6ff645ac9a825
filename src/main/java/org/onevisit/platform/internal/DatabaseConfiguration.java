package org.onevisit.platform.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import org.onevisit.platform.DatabaseMode;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.util.StringUtils;

/**
 * Chooses the database: an external PostgreSQL when {@code onevisit.db.url} is set,
 * otherwise a real PostgreSQL 17 started in-process by zonky ({@link EmbeddedDatabase}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	/** How long a starting node tries to get its pool's first connection. */
	private static final Duration STARTUP_PATIENCE = Duration.ofMinutes(1);

	@Bean
	DatabaseMode databaseMode(DatabaseProperties properties, Environment environment) {
		boolean embedded = !StringUtils.hasText(properties.url());
		// onevisit.demo overrides; by default only the embedded database gets demo
		// accounts and data.
		boolean demo = environment.getProperty("onevisit.demo", Boolean.class, embedded);
		return new DatabaseMode() {
			@Override
			public boolean embedded() {
				return embedded;
			}

			@Override
			public boolean demo() {
				return demo;
			}
		};
	}

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) throws IOException, SQLException {
		if (StringUtils.hasText(properties.url())) {
			return EmbeddedDatabase.NONE;
		}
		EmbeddedDatabase database = EmbeddedDatabase.start(properties.embedded());
		DatabaseRoles.setUp(database.jdbcUrl(), EmbeddedDatabase.DATABASE);
		return database;
	}

	/**
	 * Asks the server every {@code watch-interval} for an answer and cuts the pool's
	 * connections when none comes (see {@link DatabaseWatch}).
	 */
	@Bean(destroyMethod = "close")
	DatabaseWatch databaseWatch(DatabaseProperties properties, EmbeddedDatabase embedded) {
		PGSimpleDataSource probes = server(properties, embedded);
		int seconds = wholeSeconds(properties.watchTimeout());
		probes.setConnectTimeout(seconds);
		probes.setLoginTimeout(seconds);
		// the driver's own connecting thread, which the login timeout leaves behind on a
		// silent server, ends too instead of waiting on it for as long as it is silent
		probes.setSocketTimeout(seconds);
		return new DatabaseWatch(probes, properties.watchInterval(), properties.watchTimeout()).start();
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded, DatabaseWatch watch) {
		PGSimpleDataSource server = server(properties, embedded);
		// a batch of inserts becomes one multi-row insert: one round trip for the tasks
		// of a bundle
		server.setReWriteBatchedInserts(true);
		// Bounded waits: the server cancels a request's statement or lock wait (it is
		// answered, the transaction rolled back); a read from a server that cannot cancel
		// gives up after the socket timeout, and connecting after the pool's wait.
		server.setOptions("-c statement_timeout=" + properties.statementTimeout().toMillis() + " -c lock_timeout="
				+ properties.lockTimeout().toMillis());
		server.setSocketTimeout(wholeSeconds(properties.socketTimeout()));
		server.setConnectTimeout(wholeSeconds(properties.connectionTimeout()));
		server.setLoginTimeout(wholeSeconds(properties.connectionTimeout()));
		HikariConfig config = new HikariConfig();
		config.setPoolName("onevisit");
		config.setMaximumPoolSize(properties.poolSize());
		config.setConnectionTimeout(properties.connectionTimeout().toMillis());
		// at start, the first connection is tried again for a minute instead of once: a
		// login that outlasts the connection timeout on a busy machine (a rolling
		// upgrade's node starting beside the others) made the node exit
		config.setInitializationFailTimeout(STARTUP_PATIENCE.toMillis());
		// an idle connection is checked before it is lent: the check waits no longer
		// than a request would for a connection
		config.setValidationTimeout(Math.max(250, properties.connectionTimeout().toMillis() / 2));
		config.setDataSource(watch.tracking(server));
		// a connection to a server that became read-only (an old primary, now a standby)
		// is of no more use: evicted, as a broken one is
		config.setExceptionOverride(new SQLExceptionOverride() {
			// (no @Override: inside, the name is SQLExceptionOverride's enum)
			public SQLExceptionOverride.Override adjudicate(SQLException ex) {
				return DatabaseOutage.READ_ONLY.equals(ex.getSQLState()) ? SQLExceptionOverride.Override.MUST_EVICT
						: SQLExceptionOverride.Override.CONTINUE_EVICT;
			}
		});
		HikariDataSource pool = new HikariDataSource(config);
		// at a switchover the old primary ends every session: its idle connections go at
		// once, those in use when they come back (TransactionRetry runs their work again)
		watch.whenServerLost(() -> {
			HikariPoolMXBean connections = pool.getHikariPoolMXBean();
			if (connections != null) {
				connections.softEvictConnections();
			}
		});
		return pool;
	}

	/**
	 * The transaction manager Spring Boot would make (a {@code JdbcTransactionManager},
	 * with Boot's customizers: its properties and the execution listeners, such as
	 * {@link TransactionRetry}), but one whose failed commit is not hidden by the failed
	 * rollback after it ({@link CommitFailureFirst}).
	 */
	@Bean
	JdbcTransactionManager transactionManager(DataSource dataSource,
			ObjectProvider<TransactionManagerCustomizers> customizers) {
		JdbcTransactionManager transactions = new CommitFailureFirst(dataSource);
		customizers.ifAvailable((each) -> each.customize(transactions));
		return transactions;
	}

	/**
	 * Migrations (an index built on a large table, a backfill) may take longer than a
	 * request may: Flyway gets connections of its own, outside the pool, without the
	 * statement and lock timeouts, as the owner role. The migrations grant the
	 * application's role ({@code ${appRole}}) what it may do.
	 */
	@Bean
	FlywayConfigurationCustomizer migrationsAsTheOwner(DatabaseProperties properties, EmbeddedDatabase embedded) {
		String applicationRole = applicationRole(properties, embedded);
		if (embedded == EmbeddedDatabase.NONE && !StringUtils.hasText(properties.ownerUser())) {
			log.warn("No owner role set (ONEVISIT_DB_OWNER_USER): {} owns the tables, so it could rewrite the "
					+ "transparency log and the access ledger; see docs/deployment.md", applicationRole);
		}
		return (configuration) -> {
			Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
			placeholders.put("appRole", applicationRole);
			configuration.dataSource(owner(properties, embedded)).placeholders(placeholders);
		};
	}

	/**
	 * Connections to the configured server, or to the embedded one, as the application.
	 */
	private static PGSimpleDataSource server(DatabaseProperties properties, EmbeddedDatabase embedded) {
		PGSimpleDataSource server = new PGSimpleDataSource();
		if (embedded == EmbeddedDatabase.NONE) {
			server.setUrl(properties.url());
			server.setUser(properties.user());
			server.setPassword(properties.password());
		}
		else {
			server.setUrl(embedded.jdbcUrl());
			server.setUser(DatabaseRoles.APPLICATION);
		}
		return server;
	}

	/**
	 * Connections as the owner role, for the migrations; the application's own user when
	 * an external server has no owner set.
	 */
	private static PGSimpleDataSource owner(DatabaseProperties properties, EmbeddedDatabase embedded) {
		PGSimpleDataSource server = server(properties, embedded);
		if (embedded != EmbeddedDatabase.NONE) {
			server.setUser(DatabaseRoles.OWNER);
		}
		else if (StringUtils.hasText(properties.ownerUser())) {
			server.setUser(properties.ownerUser());
			server.setPassword(properties.ownerPassword());
		}
		return server;
	}

	private static String applicationRole(DatabaseProperties properties, EmbeddedDatabase embedded) {
		return (embedded != EmbeddedDatabase.NONE) ? DatabaseRoles.APPLICATION : properties.user();
	}

	/** pgjdbc's timeouts are whole seconds; 0 means none. */
	private static int wholeSeconds(Duration duration) {
		return (int) Math.ceil(duration.toMillis() / 1000.0);
	}

}
