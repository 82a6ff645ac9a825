package org.onevisit.platform.internal;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring's JDBC transaction manager, except that a failed commit is not hidden by the
 * rollback Spring attempts after it. When the commit loses its connection (the old
 * primary shutting down at a planned switchover: {@code 08006}), the pool has closed that
 * connection already, so the rollback fails too ("Connection is closed", with no
 * SQLState), and Spring throws the rollback's failure, a
 * {@code TransactionSystemException("JDBC rollback failed")}, and only logs the commit's.
 * Nothing in it says the database went away, and the request was answered 500 instead of
 * 503 ({@link DatabaseOutage}). Here the commit's failure is thrown, as when the rollback
 * succeeds, with the rollback's attached as suppressed (Spring's log line still says
 * "Commit exception overridden by rollback exception": here it is the other way round).
 * <p>
 * The commit's outcome is unknown then (it may have reached the server before the
 * connection went): the 503 says to send the same request again, and what makes that safe
 * is the request's own guard, not this class (a filing's {@code Idempotency-Key} is
 * stored in the filing's own transaction, a decision names the task version it saw).
 */
final class CommitFailureFirst extends JdbcTransactionManager {

	/** The commit that failed on this thread, until the rollback after it has run. */
	private final ThreadLocal<RuntimeException> failedCommit = new ThreadLocal<>();

	CommitFailureFirst(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void doCommit(DefaultTransactionStatus status) {
		try {
			super.doCommit(status);
		}
		catch (RuntimeException ex) {
			this.failedCommit.set(ex);
			throw ex;
		}
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
		RuntimeException commit = this.failedCommit.get();
		this.failedCommit.remove();
		try {
			super.doRollback(status);
		}
		catch (RuntimeException rollback) {
			if (commit == null) {
				throw rollback;
			}
			commit.addSuppressed(rollback);
			throw commit;
		}
	}

	@Override
	protected void doCleanupAfterCompletion(Object transaction) {
		// a commit that failed with a TransactionException is not rolled back after it
		this.failedCommit.remove();
		super.doCleanupAfterCompletion(transaction);
	}

}
