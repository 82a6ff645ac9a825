package org.onevisit.platform.internal;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A commit that fails is reported as that failure, even when the rollback after it fails
 * too: what the planned switchover of {@code PatroniFailoverFaultTest} did to a decision
 * (its commit met the old primary shutting down, {@code 08006}; the pool closed the
 * connection; the rollback then failed with "Connection is closed", and the request was
 * answered 500 instead of 503). The connection here fails as HikariCP's does: once a
 * statement fails with a connection exception, every call on it fails without a SQLState.
 */
class CommitFailureFirstTests {

	private static final SQLException CONNECTION_LOST = new SQLException(
			"An I/O error occurred while sending to the backend.", "08006");

	@Test
	void aCommitThatLostItsConnectionIsAnsweredAsTheDatabaseGoneNotAsTheRollbackThatFailedAfterIt() {
		FailingConnection connection = new FailingConnection(CONNECTION_LOST);

		Throwable failure = commitOn(new CommitFailureFirst(connection.source()));

		assertThat(failure).isInstanceOf(DataAccessResourceFailureException.class).hasRootCause(CONNECTION_LOST);
		assertThat(failure.getSuppressed()).singleElement(as(InstanceOfAssertFactories.THROWABLE))
			.isInstanceOf(TransactionSystemException.class)
			.hasMessageContaining("JDBC rollback failed");
		assertThat(DatabaseOutage.causedBy(failure)).as("answered 503").isTrue();
		assertThat(connection.rollbacks).hasValue(1);
	}

	@Test
	void springsOwnManagerHidesTheLostCommitBehindTheFailedRollbackWhichWasAnswered500() {
		FailingConnection connection = new FailingConnection(CONNECTION_LOST);

		Throwable failure = commitOn(new JdbcTransactionManager(connection.source()));

		assertThat(failure).isInstanceOf(TransactionSystemException.class).hasMessageContaining("JDBC rollback failed");
		assertThat(DatabaseOutage.causedBy(failure)).as("answered 503").isFalse();
	}

	@Test
	void aCommitRefusedByTheServerIsReportedAsBeforeWhenTheRollbackAfterItSucceeds() {
		// a deferred unique constraint checked at the commit: the connection stays usable
		SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
		FailingConnection connection = new FailingConnection(duplicate);

		Throwable failure = commitOn(new CommitFailureFirst(connection.source()));

		assertThat(failure).isInstanceOf(DataIntegrityViolationException.class).hasRootCause(duplicate);
		assertThat(failure.getSuppressed()).isEmpty();
		assertThat(DatabaseOutage.causedBy(failure)).isFalse();
		assertThat(connection.rollbacks).hasValue(1);
	}

	@Test
	void aRollbackThatFailsWithoutACommitBeforeItIsReportedAsSpringReportsIt() {
		FailingConnection connection = new FailingConnection(CONNECTION_LOST);
		TransactionTemplate transactions = new TransactionTemplate(new CommitFailureFirst(connection.source()));

		Throwable failure = catchThrowable(() -> transactions.executeWithoutResult((status) -> {
			// the connection lost while the work runs, and the work marks it to roll back
			connection.closed.set(true);
			status.setRollbackOnly();
		}));

		assertThat(failure).isInstanceOf(TransactionSystemException.class).hasMessageContaining("JDBC rollback failed");
	}

	private static Throwable commitOn(PlatformTransactionManager manager) {
		return catchThrowable(() -> new TransactionTemplate(manager).executeWithoutResult((status) -> {
		}));
	}

	/**
	 * A connection whose commit fails with the given exception; after a connection
	 * exception, every call fails as on HikariCP's closed connection.
	 */
	private static final class FailingConnection {

		final AtomicBoolean closed = new AtomicBoolean();

		final AtomicInteger rollbacks = new AtomicInteger();

		private final SQLException atCommit;

		FailingConnection(SQLException atCommit) {
			this.atCommit = atCommit;
		}

		SingleConnectionDataSource source() {
			Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
						switch (method.getName()) {
							case "isClosed":
								return this.closed.get();
							case "close":
								return null;
							case "toString":
								return "a connection whose commit fails";
							case "hashCode":
								return System.identityHashCode(proxy);
							case "equals":
								return proxy == arguments[0];
							default:
								break;
						}
						if ("rollback".equals(method.getName())) {
							this.rollbacks.incrementAndGet();
						}
						if (this.closed.get()) {
							throw new SQLException("Connection is closed");
						}
						switch (method.getName()) {
							case "getAutoCommit":
								return true;
							case "commit":
								this.closed.set(this.atCommit.getSQLState().startsWith("08"));
								throw this.atCommit;
							default:
								return (method.getReturnType() == boolean.class) ? false
										: (method.getReturnType() == int.class) ? 0 : null;
						}
					});
			return new SingleConnectionDataSource(connection, true);
		}

	}

}
