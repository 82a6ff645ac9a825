package org.onevisit.platform.internal;

import java.time.Duration;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A job's transaction may run longer than a request's bounds allow, and only that
 * transaction: the next user of the pooled connection has the request bounds again. The
 * bounds here are shortened (a statement 300 ms, a read 1 s) so that a sleep of 1.5 s
 * outlasts both.
 */
class LongWorkTests {

	static EmbeddedDatabase server;

	static DatabaseWatch watch;

	static HikariDataSource pool;

	static JdbcClient jdbc;

	static TransactionTemplate transactions;

	static TransactionLongWork longWork;

	@BeforeAll
	static void startAServerWithShortRequestBounds() throws Exception {
		server = EmbeddedDatabase.start(new DatabaseProperties.Embedded("", 0, false, Map.of()));
		// the roles the pool connects as, as the application's configuration sets them up
		DatabaseRoles.setUp(server.jdbcUrl(), EmbeddedDatabase.DATABASE);
		DatabaseProperties properties = new DatabaseProperties(null, null, null, null, null, 1, Duration.ofSeconds(1),
				Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofMillis(500),
				Duration.ofSeconds(1), null);
		DatabaseConfiguration configuration = new DatabaseConfiguration();
		watch = configuration.databaseWatch(properties, server);
		// one connection: the statement after the long transaction runs on the same one
		pool = configuration.dataSource(properties, server, watch);
		jdbc = JdbcClient.create(pool);
		transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
		longWork = new TransactionLongWork(pool, Duration.ofSeconds(30));
	}

	@AfterAll
	static void stopThem() throws Exception {
		pool.close();
		watch.close();
		server.close();
	}

	@Test
	void aRequestsStatementIsCancelledAfterItsBound() {
		assertThatThrownBy(() -> transactions
			.executeWithoutResult((status) -> jdbc.sql("select pg_sleep(1.5)").query().singleRow()))
			.hasMessageContaining("statement timeout");
	}

	@Test
	void aJobsTransactionRunsBeyondTheRequestBoundsAndTheConnectionReturnsWithThem() {
		String slept = transactions.execute((status) -> {
			longWork.allowInThisTransaction();
			return jdbc.sql("select pg_sleep(1.5)::text").query(String.class).single();
		});

		assertThat(slept).isEmpty();
		assertThat(jdbc.sql("show statement_timeout").query(String.class).single()).isEqualTo("300ms");
		assertThat(jdbc.sql("show lock_timeout").query(String.class).single()).isEqualTo("300ms");
		assertThatThrownBy(() -> jdbc.sql("select pg_sleep(1.5)").query().singleRow())
			.hasMessageContaining("statement timeout");
	}

	@Test
	void refusesToWidenTheBoundsOutsideATransaction() {
		assertThatThrownBy(() -> longWork.allowInThisTransaction()).isInstanceOf(IllegalStateException.class);
	}

}
