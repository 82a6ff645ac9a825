package org.onevisit.platform.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached, every request is answered at once with 503 and a
 * {@code Retry-After}, as problem+json for the API and a short page for people, instead
 * of a 500 after a long wait: a client retries, a load balancer sees the node is not
 * ready. The pool waits at most {@code onevisit.db.connection-timeout} for a connection;
 * while the {@link DatabaseWatch} finds the server silent, a request does not wait at
 * all. Placed right after the request id, before the session (kept in the database) is
 * read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutage extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	static final String RETRY_AFTER_SECONDS = "5";

	/** {@code lock_not_available}: the lock timeout ran out. */
	private static final String LOCK_TIMEOUT = "55P03";

	/** {@code query_canceled}: the statement timeout ran out. */
	private static final String STATEMENT_TIMEOUT = "57014";

	/**
	 * {@code read_only_sql_transaction}: the server is (now) a standby, as an old primary
	 * is after a failover; the primary is elsewhere.
	 */
	static final String READ_ONLY = "25006";

	private final Problems problems;

	private final DatabaseWatch watch;

	DatabaseOutage(Problems problems, DatabaseWatch watch) {
		this.problems = problems;
		this.watch = watch;
	}

	/**
	 * Whether the failure means the database is unreachable, or too busy to answer within
	 * the bounded waits, not that a query was wrong.
	 */
	static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof RecoverableDataAccessException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			// a failed rollback on a dead connection hides the failure that caused it
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& causedBy(rollback.getApplicationException())) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
			// connection exceptions, and the server shutting down or starting up
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
					// a bounded wait that ran out (onevisit.db.lock-timeout,
					// statement-timeout): the transaction was rolled back, a retry is
					// safe
							|| LOCK_TIMEOUT.equals(sql.getSQLState()) || STATEMENT_TIMEOUT.equals(sql.getSQLState())
							|| READ_ONLY.equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.watch.answering()) {
			// the server stopped answering and the watch cut the pool's connections:
			// answered at once, instead of waiting for a connection the pool cannot make
			// (onevisit.db.connection-timeout) at each step of the request that needs one
			// (the token, the session, the data), however busy the machine is
			answer(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!causedBy(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unreachable on {} {}: answered 503 ({})", request.getMethod(), request.getRequestURI(),
					ex.toString());
			answer(request, response);
		}
	}

	void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.resetBuffer();
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		this.problems.answer(request, response, HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable");
	}

}
