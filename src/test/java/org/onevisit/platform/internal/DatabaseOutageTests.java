package org.onevisit.platform.internal;

import java.net.ServerSocket;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.onevisit.Superuser;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Which failures mean the database is unreachable (answered 503 at once) and which are
 * ordinary errors. The whole path, with PostgreSQL stopped under load, is fault 2 of
 * docs/reliability.md ({@code DatabaseOutageFaultTest}).
 */
@SpringBootTest
class DatabaseOutageTests {

	@Autowired
	DatabaseOutage outage;

	@Autowired
	Problems problems;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	@Test
	void recognisesAnUnreachableDatabaseHoweverDeepTheCause() {
		TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollbackFailed.initApplicationException(new DataAccessResourceFailureException("I/O error",
				new SQLException("An I/O error occurred while sending to the backend.", "08006")));

		assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("no connection",
				new SQLTransientConnectionException("onevisit - Connection is not available"))))
			.isTrue();
		assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("Could not open JDBC Connection")))
			.isTrue();
		assertThat(DatabaseOutage.causedBy(new ServletException(
				new IllegalStateException(new SQLException("the database system is shutting down", "57P03")))))
			.isTrue();
		assertThat(DatabaseOutage.causedBy(rollbackFailed)).isTrue();
	}

	@Test
	void answersABoundedWaitThatRanOutAsUnavailableForAWhileNotAsAServerError() {
		assertThat(DatabaseOutage.causedBy(new CannotAcquireLockException("update",
				new SQLException("ERROR: canceling statement due to lock timeout", "55P03"))))
			.isTrue();
		assertThat(DatabaseOutage.causedBy(new QueryTimeoutException("select",
				new SQLException("ERROR: canceling statement due to statement timeout", "57014"))))
			.isTrue();
	}

	@Test
	void answersAWriteRefusedByAServerThatBecameAStandbyAsUnavailableForAWhile() {
		// an old primary after a failover: the new one is elsewhere, a retry finds it
		assertThat(DatabaseOutage.causedBy(new UncategorizedSQLException("insert", "insert into …",
				new SQLException("ERROR: cannot execute INSERT in a read-only transaction", "25006"))))
			.isTrue();
	}

	@Test
	void leavesOrdinaryErrorsAlone() {
		assertThat(
				DatabaseOutage.causedBy(new BadSqlGrammarException("query", "select", new SQLException("x", "42601"))))
			.isFalse();
		assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate"))).isFalse();
		assertThat(DatabaseOutage.causedBy(new IllegalArgumentException("bad input"))).isFalse();
	}

	@Test
	void answersTheApiWithAProblemAndPagesWithAShortPageBothRetryAfter() throws Exception {
		MockHttpServletRequest api = new MockHttpServletRequest("GET", "/api/v1/applications");
		api.setRequestURI("/api/v1/applications");
		MockHttpServletResponse apiResponse = new MockHttpServletResponse();
		this.outage.doFilter(api, apiResponse, (request, response) -> {
			throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
		});
		assertThat(apiResponse.getStatus()).isEqualTo(503);
		assertThat(apiResponse.getHeader("Retry-After")).isEqualTo("5");
		assertThat(apiResponse.getContentType()).startsWith("application/problem+json");
		assertThat(apiResponse.getContentAsString()).contains("\"code\":\"database_unavailable\"");

		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/my");
		page.setRequestURI("/my");
		MockHttpServletResponse pageResponse = new MockHttpServletResponse();
		pageResponse.setCharacterEncoding("UTF-8");
		this.outage.doFilter(page, pageResponse, (request, response) -> {
			throw new ServletException(new CannotCreateTransactionException("Could not open JDBC Connection"));
		});
		assertThat(pageResponse.getStatus()).isEqualTo(503);
		assertThat(pageResponse.getHeader("Retry-After")).isEqualTo("5");
		assertThat(pageResponse.getContentAsString()).contains("系统正在恢复").contains("<html lang=\"zh-CN\">");

		MockHttpServletResponse other = new MockHttpServletResponse();
		assertThatThrownBy(() -> this.outage.doFilter(page, other, (request, response) -> {
			throw new IllegalStateException("a bug");
		})).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void answersACommitThatLostItsConnectionAsUnavailableNotTheRollbackThatFailedAfterIt() throws Exception {
		// the server ends the session between the transaction's last statement and its
		// commit, as the old primary does at a planned switchover
		// (PatroniFailoverFaultTest):
		// the commit fails, the pool closes the connection, and the rollback after it
		// fails
		Superuser owner = Superuser.of(this.dataSource);
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		RuntimeException lost = (RuntimeException) catchThrowable(
				() -> new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
					owner.endSession(jdbc.sql("select pg_backend_pid()").query(Integer.class).single());
				}));

		assertThat(lost).isNotNull().isNotInstanceOf(TransactionSystemException.class);
		assertThat(lost.getSuppressed()).as("the rollback's failure")
			.singleElement()
			.isInstanceOf(TransactionSystemException.class);
		MockHttpServletRequest api = new MockHttpServletRequest("POST", "/api/v1/tasks/1/decisions");
		api.setRequestURI("/api/v1/tasks/1/decisions");
		MockHttpServletResponse answered = new MockHttpServletResponse();
		this.outage.doFilter(api, answered, (request, response) -> {
			throw lost;
		});
		assertThat(answered.getStatus()).isEqualTo(503);
		assertThat(answered.getHeader("Retry-After")).isEqualTo("5");
		assertThat(answered.getContentType()).startsWith("application/problem+json");
		assertThat(answered.getContentAsString()).contains("\"code\":\"database_unavailable\"");
	}

	@Test
	void answersAtOnceWhileTheWatchFindsTheServerSilentAndPassesRequestsOnOnceItAnswers() throws Exception {
		// accepts connections and never answers, as a frozen PostgreSQL does
		try (ServerSocket silent = new ServerSocket(0)) {
			PGSimpleDataSource probes = new PGSimpleDataSource();
			probes.setServerNames(new String[] { "localhost" });
			probes.setPortNumbers(new int[] { silent.getLocalPort() });
			probes.setDatabaseName("onevisit");
			probes.setUser("onevisit_app");
			probes.setConnectTimeout(1);
			probes.setLoginTimeout(1);
			probes.setSocketTimeout(1);
			try (DatabaseWatch watch = new DatabaseWatch(probes, Duration.ofMillis(100), Duration.ofMillis(500))
				.start()) {
				DatabaseOutage outage = new DatabaseOutage(this.problems, watch);
				awaitUntil(() -> !watch.answering());
				AtomicBoolean passedOn = new AtomicBoolean();
				MockHttpServletRequest api = new MockHttpServletRequest("GET", "/api/v1/applications");
				api.setRequestURI("/api/v1/applications");
				MockHttpServletResponse answered = new MockHttpServletResponse();
				long start = System.nanoTime();
				outage.doFilter(api, answered, (request, response) -> passedOn.set(true));
				long millis = (System.nanoTime() - start) / 1_000_000;

				assertThat(passedOn).as("passed on to the application").isFalse();
				assertThat(answered.getStatus()).isEqualTo(503);
				assertThat(answered.getHeader("Retry-After")).isEqualTo("5");
				assertThat(answered.getContentAsString()).contains("\"code\":\"database_unavailable\"");
				assertThat(millis).as("answered without waiting for a connection").isLessThan(500);

				// a server that refuses connections answers: the pool finds out by itself
				silent.close();
				awaitUntil(watch::answering);
				outage.doFilter(api, new MockHttpServletResponse(), (request, response) -> passedOn.set(true));
				assertThat(passedOn).as("passed on once the server answers").isTrue();
			}
		}
	}

	private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(condition.getAsBoolean()).as("within 20 s").isTrue();
	}

}
