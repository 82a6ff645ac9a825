package org.onevisit.platform.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onevisit.Superuser;
import org.onevisit.platform.RepeatGuard;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A transaction whose session the server ends before its commit, as the old primary ends
 * every session at a planned switchover, runs again on a new connection instead of
 * failing the request; never when a commit was attempted, and never more than three
 * times. The whole path, on a Patroni cluster under load, is
 * {@code PatroniFailoverFaultTest}.
 */
@SpringBootTest
@Import(TransactionRetryTests.Work.class)
class TransactionRetryTests {

	@Autowired
	Work work;

	@Test
	void runsATransactionWhoseSessionTheServerEndedAgainOnANewConnection() {
		AtomicInteger attempts = new AtomicInteger();

		int backend = this.work.endedOnTheFirstAttempt(attempts);

		assertThat(attempts).hasValue(2);
		assertThat(backend).isPositive();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void answers503WithoutRunningATransactionAgainWhereThatIsNotSafe(String sentence,
			BiConsumer<Work, AtomicInteger> transaction, int runs) {
		AtomicInteger attempts = new AtomicInteger();

		assertThatThrownBy(() -> transaction.accept(this.work, attempts))
			.satisfies((failure) -> assertThat(DatabaseOutage.causedBy(failure)).as("answered 503").isTrue());
		assertThat(attempts).hasValue(runs);
	}

	static Stream<Arguments> answers503WithoutRunningATransactionAgainWhereThatIsNotSafe() {
		return Stream.of(
				arguments("does not run it again once a commit was attempted in it",
						(BiConsumer<Work, AtomicInteger>) Work::endedAfterAnInnerCommit, 1),
				arguments("does not run a writing transaction again when its commit meets its session ended",
						(BiConsumer<Work, AtomicInteger>) Work::writtenEndedAtItsCommit, 1),
				arguments("does not run a guarded transaction again once an inner commit stood in it",
						(BiConsumer<Work, AtomicInteger>) Work::guardedEndedAfterAnInnerCommit, 1),
				arguments("does not take a guard for the transaction of a method that does not declare one",
						(BiConsumer<Work, AtomicInteger>) Work::undeclaredGuardEndedAtItsCommit, 1),
				arguments("gives up after three attempts and the request is answered 503",
						(BiConsumer<Work, AtomicInteger>) Work::endedEveryTime, TransactionRetry.ATTEMPTS));
	}

	@Test
	void readsAgainWhenAReadOnlyTransactionsCommitMeetsItsSessionEnded() {
		AtomicInteger attempts = new AtomicInteger();

		String readOnly = this.work.readEndedAtItsCommit(attempts);

		assertThat(attempts).hasValue(2);
		assertThat(readOnly).as("run READ ONLY by the server: its commit could change nothing").isEqualTo("on");
	}

	@Test
	void runsAGuardedTransactionAgainWhenItsOwnCommitWasLost() {
		AtomicInteger attempts = new AtomicInteger();

		this.work.guardedEndedAtItsCommit(attempts);

		assertThat(attempts).hasValue(2);
	}

	@Test
	void runsATransactionAgainWhenAColumnAddedByTheNextVersionChangedWhatAPreparedStatementReturns() {
		AtomicInteger attempts = new AtomicInteger();
		this.work.owner().jdbc().sql("create table retry_expanded (id int primary key)").update();
		this.work.owner().jdbc().sql("insert into retry_expanded values (1)").update();
		this.work.owner().jdbc().sql("grant select on retry_expanded to " + DatabaseRoles.APPLICATION).update();

		int columns = this.work.readWhileTheTableGainsAColumn(attempts);

		assertThat(attempts).hasValue(2);
		assertThat(columns).isEqualTo(2);
	}

	@Test
	void runsAgainOnlyWhenTheServerWentAwayOrTurnedReadOnlyNotWhenThePoolWaitedInVainOrATimeoutRanOut() {
		assertThat(TransactionRetry.lostTheServer(new DataAccessResourceFailureException("I/O error",
				new SQLException("An I/O error occurred while sending to the backend.", "08006"))))
			.isTrue();
		assertThat(TransactionRetry
			.lostTheServer(new SQLException("ERROR: cannot execute INSERT in a read-only transaction", "25006")))
			.isTrue();
		assertThat(
				TransactionRetry.lostTheServer(new CannotGetJdbcConnectionException("no connection",
						new SQLTransientConnectionException("onevisit - Connection is not available", new SQLException(
								"Could not find a server with specified targetServerType: primary", "08001")))))
			.isFalse();
		assertThat(TransactionRetry.lostTheServer(new QueryTimeoutException("select",
				new SQLException("ERROR: canceling statement due to statement timeout", "57014"))))
			.isFalse();
		assertThat(TransactionRetry.lostTheServer(new IllegalStateException("a bug"))).isFalse();
	}

	@TestConfiguration
	static class Work {

		private final JdbcClient jdbc;

		private final TransactionTemplate separately;

		private final Superuser owner;

		Work(JdbcClient jdbc, PlatformTransactionManager transactions, DataSource dataSource) {
			this.jdbc = jdbc;
			this.owner = Superuser.of(dataSource);
			this.separately = new TransactionTemplate(transactions);
			this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		}

		@Transactional
		public int endedOnTheFirstAttempt(AtomicInteger attempts) {
			if (attempts.incrementAndGet() == 1) {
				endOwnSession();
			}
			return this.jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
		}

		/**
		 * What a node of version N meets while N+1's expand migration runs (ADR 16): a
		 * {@code select *} prepared on the server (after the driver's threshold of five
		 * executions) finds a column more the next time.
		 */
		@Transactional
		public int readWhileTheTableGainsAColumn(AtomicInteger attempts) {
			if (attempts.incrementAndGet() == 1) {
				// the table's lock goes with the savepoint, so that the migration's
				// session
				// can add the column while this transaction goes on
				TransactionStatus status = TransactionAspectSupport.currentTransactionStatus();
				Object savepoint = status.createSavepoint();
				for (int i = 0; i < 6; i++) {
					columnsOfARow();
				}
				status.rollbackToSavepoint(savepoint);
				this.owner.jdbc().sql("alter table retry_expanded add column added int").update();
			}
			return columnsOfARow();
		}

		public Superuser owner() {
			return this.owner;
		}

		private int columnsOfARow() {
			return this.jdbc.sql("select * from retry_expanded")
				.query((rows, n) -> rows.getMetaData().getColumnCount())
				.single();
		}

		@Transactional
		public void endedAfterAnInnerCommit(AtomicInteger attempts) {
			attempts.incrementAndGet();
			this.separately.executeWithoutResult((status) -> this.jdbc.sql("select 1").query(Integer.class).single());
			endOwnSession();
		}

		/**
		 * What a read meets at a planned switchover: the old primary ends its session
		 * after its last statement, so that its commit fails.
		 */
		@Transactional(readOnly = true)
		public String readEndedAtItsCommit(AtomicInteger attempts) {
			String readOnly = this.jdbc.sql("show transaction_read_only").query(String.class).single();
			if (attempts.incrementAndGet() == 1) {
				endOwnSessionBeforeTheCommit();
			}
			return readOnly;
		}

		@Transactional
		public void writtenEndedAtItsCommit(AtomicInteger attempts) {
			attempts.incrementAndGet();
			this.jdbc.sql("select 1").query(Integer.class).single();
			endOwnSessionBeforeTheCommit();
		}

		/** As a filing with its key: the key would find a filing whose commit stood. */
		@Transactional
		@RepeatGuard.Declared
		public void guardedEndedAtItsCommit(AtomicInteger attempts) {
			RepeatGuard.holds();
			if (attempts.incrementAndGet() == 1) {
				endOwnSessionBeforeTheCommit();
			}
		}

		@Transactional
		@RepeatGuard.Declared
		public void guardedEndedAfterAnInnerCommit(AtomicInteger attempts) {
			RepeatGuard.holds();
			attempts.incrementAndGet();
			this.separately.executeWithoutResult((status) -> this.jdbc.sql("select 1").query(Integer.class).single());
			endOwnSessionBeforeTheCommit();
		}

		/**
		 * A guarded method called inside a transaction that another method began: the
		 * guard covers its own part, not the enclosing work.
		 */
		@Transactional
		public void undeclaredGuardEndedAtItsCommit(AtomicInteger attempts) {
			RepeatGuard.holds();
			attempts.incrementAndGet();
			endOwnSessionBeforeTheCommit();
		}

		private void endOwnSessionBeforeTheCommit() {
			this.owner.endSession(this.jdbc.sql("select pg_backend_pid()").query(Integer.class).single());
		}

		@Transactional
		public void endedEveryTime(AtomicInteger attempts) {
			attempts.incrementAndGet();
			endOwnSession();
		}

		/**
		 * What a server shutting down does to every session: 57P01 (at once, or at the
		 * next statement as a broken connection).
		 */
		private void endOwnSession() {
			this.jdbc.sql("select pg_terminate_backend(pg_backend_pid())").query(Boolean.class).single();
			this.jdbc.sql("select 1").query(Integer.class).single();
		}

	}

}
