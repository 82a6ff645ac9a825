package org.onevisit.benchmarks;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.onevisit.Superuser;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where PostgreSQL's time went while a benchmark measured: the transactions it committed
 * and, when the server preloads pg_stat_statements
 * ({@code -Donevisit.db.embedded.settings.shared_preload_libraries=pg_stat_statements}),
 * its statements by the time they took, each per unit of work. Started before the
 * measured round, read right after it.
 */
public final class PostgresStatements {

	private final JdbcClient superuser;

	private final boolean statements;

	private final long commitsBefore;

	private PostgresStatements(JdbcClient superuser, boolean statements, long commitsBefore) {
		this.superuser = superuser;
		this.statements = statements;
		this.commitsBefore = commitsBefore;
	}

	/** Resets the statements' figures, if they are kept, and notes the commits so far. */
	public static PostgresStatements start(DataSource pool) {
		// the application's role may neither read the setting, create the extension nor
		// reset it
		JdbcClient superuser = Superuser.of(pool).jdbc();
		boolean statements = superuser.sql("show shared_preload_libraries")
			.query(String.class)
			.single()
			.contains("pg_stat_statements");
		if (statements) {
			superuser.sql("create extension if not exists pg_stat_statements").update();
			superuser.sql("select pg_stat_statements_reset()").query(Object.class).list();
		}
		return new PostgresStatements(superuser, statements, commits(superuser));
	}

	/**
	 * The commits per unit since the start and the statements that took most of the
	 * server's time, per unit: calls, milliseconds executing, WAL bytes.
	 */
	public List<String> report(long units, int top) {
		List<String> lines = new ArrayList<>();
		lines.add(String.format("%.2f transactions committed",
				(double) (commits(this.superuser) - this.commitsBefore) / units));
		if (!this.statements) {
			return lines;
		}
		this.superuser.sql("""
				select calls, total_exec_time, wal_bytes, left(regexp_replace(query, '\\s+', ' ', 'g'), 120) as query
				from pg_stat_statements order by total_exec_time desc limit :top
				""").param("top", top).query((ResultSet row) -> {
			while (row.next()) {
				lines.add(String.format("%.3f ms executing, %.2f calls, %.0f WAL bytes: %s",
						row.getDouble("total_exec_time") / units, row.getDouble("calls") / units,
						row.getDouble("wal_bytes") / units, row.getString("query")));
			}
			return Boolean.TRUE;
		});
		return lines;
	}

	/**
	 * The server's commits so far; every backend reports its own within about a second,
	 * which a round of tens of seconds hardly notices.
	 */
	private static long commits(JdbcClient superuser) {
		superuser.sql("select pg_stat_force_next_flush()").query(Object.class).list();
		return superuser.sql("select xact_commit from pg_stat_database where datname = current_database()")
			.query(Long.class)
			.single();
	}

}
