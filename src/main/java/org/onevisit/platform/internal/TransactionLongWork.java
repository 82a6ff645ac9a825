package org.onevisit.platform.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import org.onevisit.platform.LongWork;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link LongWork} on the transaction's connection: {@code SET LOCAL} of the statement
 * and lock timeouts (PostgreSQL drops them at the transaction's end), and the socket's
 * read timeout widened too, since pgjdbc would otherwise give up reading the answer after
 * {@code onevisit.db.socket-timeout}; Hikari puts the connection's own network timeout
 * back when the connection returns to the pool.
 */
@Component
class TransactionLongWork implements LongWork {

	private static final Executor AT_ONCE = Runnable::run;

	/**
	 * Beyond the statement timeout, so that the server cancels before the socket gives
	 * up.
	 */
	private static final Duration READ_SLACK = Duration.ofSeconds(5);

	private final DataSource dataSource;

	private final Duration timeout;

	TransactionLongWork(DataSource dataSource, @Value("${onevisit.db.job-timeout:10m}") Duration timeout) {
		this.dataSource = dataSource;
		this.timeout = timeout;
	}

	@Override
	public void allowInThisTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Long work widens the bounds of a transaction only; none is active");
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try (PreparedStatement statement = connection
			.prepareStatement("select set_config('statement_timeout', ?, true), set_config('lock_timeout', ?, true)")) {
			String millis = this.timeout.toMillis() + "ms";
			statement.setString(1, millis);
			statement.setString(2, millis);
			statement.execute();
			connection.setNetworkTimeout(AT_ONCE, Math.toIntExact(this.timeout.plus(READ_SLACK).toMillis()));
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not widen the bounds of a long transaction", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

}
