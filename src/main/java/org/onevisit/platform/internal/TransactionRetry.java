package org.onevisit.platform.internal;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.onevisit.platform.RepeatGuard;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a transaction again, on a new connection, when the server it ran on went away
 * before its commit: at a planned switchover (Patroni stops the old primary, which
 * terminates every session, {@code 57P01}), a connection the pool still held to a server
 * that is gone ({@code 08xxx}), or one that finds the server read-only ({@code 25006}).
 * The transaction was rolled back, so running it again is safe; the pool's wait for a
 * connection then covers the moment without a primary, and the request is answered as if
 * nothing happened instead of 503. Likewise when a column added by the next version's
 * expand migration (ADR 16) changed what a statement prepared on the server returns
 * ({@code cached plan must not change result type}): the driver has dropped its prepared
 * statements by then, and the next attempt prepares them anew.
 * <p>
 * Only the outermost {@code @Transactional} call is run again, at most {@value #ATTEMPTS}
 * times in all. Never when a commit of a writing transaction was attempted during the
 * attempt (its own or an inner one's: its outcome is unknown or known to stand), with two
 * exceptions: a read-only transaction's commit does not count, since the server ran it
 * {@code READ ONLY} and it changed nothing (a read whose commit met the old primary's
 * shutdown at a switchover is read again); and a transaction whose own commit was lost,
 * no other commit having stood in it, runs again when it guards itself against running
 * twice ({@link RepeatGuard}: a filing's key, a decision's task version). Nor when the
 * pool found no connection within its wait (a real outage stays a quick 503), nor for a
 * timeout that ran out (the server is there, only busy), nor while the database watch
 * finds the server silent (frozen: its connections were cut, a new one would hang too).
 */
final class TransactionRetry implements MethodInterceptor, TransactionExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(TransactionRetry.class);

	static final int ATTEMPTS = 3;

	/**
	 * {@code admin_shutdown}, {@code crash_shutdown}, {@code read_only_sql_transaction};
	 * and every connection exception but the failure to connect ({@code 08001}).
	 */
	private static final Set<String> LOST = Set.of("57P01", "57P02", "25006");

	private final ThreadLocal<Boolean> committing = ThreadLocal.withInitial(() -> false);

	/** A commit of a writing transaction stood during the attempt (an inner one's). */
	private final ThreadLocal<Boolean> committed = ThreadLocal.withInitial(() -> false);

	private final ObjectProvider<DatabaseWatch> watch;

	private final ObjectProvider<DataSource> pool;

	TransactionRetry(ObjectProvider<DatabaseWatch> watch, ObjectProvider<DataSource> pool) {
		this.watch = watch;
		this.pool = pool;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		if (TransactionSynchronizationManager.isActualTransactionActive()
				|| !(invocation instanceof ProxyMethodInvocation proxied)) {
			return invocation.proceed();
		}
		// an enclosing call without a transaction of its own (SUPPORTS) learns of the
		// commits made in this one
		boolean enclosing = this.committing.get();
		try {
			for (int attempt = 1;; attempt++) {
				this.committing.set(false);
				this.committed.set(false);
				RepeatGuard.heldAndForgotten();
				try {
					// a clone per attempt: proceeding twice on one invocation would skip
					// the transaction's own interceptor
					return proxied.invocableClone().proceed();
				}
				catch (Throwable failure) {
					boolean guarded = RepeatGuard.heldAndForgotten() && declaresItsGuard(proxied);
					boolean repeatable = !this.committing.get() || (guarded && !this.committed.get());
					if (attempt >= ATTEMPTS || !repeatable || !lostTheServer(failure) || silent()) {
						throw failure;
					}
					if (replanned(failure)) {
						// the schema changed under every pooled connection's prepared
						// statements, not only this one's: each would fail once more
						evictPooledConnections();
					}
					log.warn("Lost the database server during {}; running the transaction again ({})",
							invocation.getMethod().getName(), failure.toString());
				}
			}
		}
		finally {
			this.committing.set(enclosing || this.committing.get());
		}
	}

	/**
	 * A frozen server's connections are cut by the watch: they fail like a server gone,
	 * but a new one would wait for the same server (DatabaseFreezeFaultTest's bound).
	 */
	private boolean silent() {
		DatabaseWatch current = this.watch.getIfAvailable();
		return current != null && !current.answering();
	}

	private void evictPooledConnections() {
		DataSource dataSource = this.pool.getIfAvailable();
		try {
			if (dataSource != null && dataSource.isWrapperFor(HikariDataSource.class)) {
				HikariPoolMXBean connections = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
				if (connections != null) {
					connections.softEvictConnections();
				}
			}
		}
		catch (SQLException ex) {
			log.warn("Could not evict the pool's connections", ex);
		}
	}

	/** Whether a statement prepared on the server no longer fits the schema. */
	static boolean replanned(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
				return replanned(rollback.getApplicationException());
			}
			if (cause instanceof SQLException sql && replanned(sql)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void beforeCommit(TransactionExecution transaction) {
		if (!transaction.isReadOnly()) {
			this.committing.set(true);
		}
	}

	@Override
	public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
		if (commitFailure == null && !transaction.isReadOnly()) {
			this.committed.set(true);
		}
	}

	/**
	 * Whether the method that began the transaction is one that may say its guard holds
	 * (read only on a failure's path).
	 */
	private static boolean declaresItsGuard(ProxyMethodInvocation invocation) {
		Object target = invocation.getThis();
		Method method = (target != null)
				? AopUtils.getMostSpecificMethod(invocation.getMethod(), AopUtils.getTargetClass(target))
				: invocation.getMethod();
		return AnnotatedElementUtils.hasAnnotation(method, RepeatGuard.Declared.class);
	}

	/**
	 * Whether the failure says the server the transaction ran on is gone or read-only,
	 * and the pool did not already wait in vain for another.
	 */
	static boolean lostTheServer(Throwable failure) {
		boolean lost = false;
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLTransientConnectionException) {
				return false;
			}
			// the rollback on the ended session failed too: the failure that ended the
			// attempt is the one it hides
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
				return lostTheServer(rollback.getApplicationException());
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				lost |= LOST.contains(state) || (state.startsWith("08") && !"08001".equals(state)) || replanned(sql);
			}
		}
		return lost;
	}

	/**
	 * The driver's own test of a statement that heals when prepared again: the server's
	 * cached plan no longer fits the table ({@code 0A000} from
	 * {@code RevalidateCachedQuery}), or the prepared statement is gone ({@code 26000}).
	 */
	private static boolean replanned(SQLException sql) {
		if ("26000".equals(sql.getSQLState())) {
			return true;
		}
		return "0A000".equals(sql.getSQLState()) && sql instanceof PSQLException server
				&& server.getServerErrorMessage() != null
				&& "RevalidateCachedQuery".equals(server.getServerErrorMessage().getRoutine());
	}

}
