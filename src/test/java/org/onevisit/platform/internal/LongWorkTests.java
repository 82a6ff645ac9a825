package org.onevisit.platform.internal;

import java.time.Duration;

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

	static PooledServer server;

	static JdbcClient jdbc;

	static TransactionTemplate transactions;

	static TransactionLongWork longWork;

	@BeforeAll
	static void startAServerWithShortRequestBounds() throws Exception {
		// one connection: the statement after the long transaction runs on the same one
		server = PooledServer.start(1, Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(1));
		jdbc = JdbcClient.create(server.pool);
		transactions = new TransactionTemplate(new DataSourceTransactionManager(server.pool));
		longWork = new TransactionLongWork(server.pool, Duration.ofSeconds(30));
	}

	@AfterAll
	static void stopIt() throws Exception {
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
