package org.onevisit;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded server's superuser, for tests that play an attacker with full database
 * rights: OneVisit's own pool connects as the application's role, which may not rewrite
 * the transparency log or the access ledger. Each transaction runs with triggers off
 * ({@code session_replication_role = replica}), as only a superuser can.
 */
public final class Superuser {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private Superuser(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/** The superuser of the server the application's pool connects to. */
	public static Superuser of(DataSource pool) {
		String url;
		try (Connection connection = pool.getConnection()) {
			url = connection.getMetaData().getURL();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which server the pool connects to", ex);
		}
		int query = url.indexOf('?');
		// the embedded server trusts local connections: no password
		return new Superuser(new DriverManagerDataSource((query < 0) ? url : url.substring(0, query), "postgres", ""));
	}

	public JdbcClient jdbc() {
		return this.jdbc;
	}

	/**
	 * Ends this server session as a server shutting down ends every session
	 * ({@code 57P01}), and waits (up to 5 s) until it is gone: what the old primary does
	 * at a planned switchover.
	 */
	public void endSession(int backend) {
		this.jdbc.sql("select pg_terminate_backend(:backend, 5000)")
			.param("backend", backend)
			.query(Boolean.class)
			.single();
	}

	/** Runs the work in one transaction with triggers off. */
	public <T> T inTransaction(java.util.function.Supplier<T> work) {
		return this.transactions.execute((status) -> {
			this.jdbc.sql("set local session_replication_role = replica").update();
			return work.get();
		});
	}

}
