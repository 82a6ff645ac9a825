package org.onevisit.benchmarks;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.onevisit.Superuser;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where PostgreSQL's time went while a benchmark measured: the transactions it committed
 * and, when the server preloads pg_stat_statements
 * ({@code -Donevisit.db.embedded.settings.shared_preload_libraries=pg_stat_statements}),
 * its statements by the time they took, each per unit of work. Started before the
 * measured round, read right after it. The one place the benchmarks set up and read
 * pg_stat_statements.
 * <p>
 * {@link #counters()} also takes what grows with a database's size, as counts that a
 * shared machine does not change: per statement the shared buffers it touched and the
 * rows it returned, per table its live and dead rows, sizes, writes (HOT or not), scans
 * and vacuums, per index its size and the buffers read through it. Two of them, taken
 * around a round, say which statement or relation costs more per unit of work as the
 * tables grow ({@link #growth}).
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

	/** Whether the server keeps figures per statement (pg_stat_statements preloaded). */
	public boolean kept() {
		return this.statements;
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
		for (Statement statement : top(top, 120)) {
			lines.add(String.format("%.3f ms executing, %.2f calls, %.0f WAL bytes: %s",
					statement.executionMillis() / units, (double) statement.calls() / units,
					statement.walBytes() / units, statement.query()));
		}
		return lines;
	}

	/** The server's time executing statements since the start, in milliseconds. */
	public double executionMillis() {
		return this.superuser.sql("select coalesce(sum(total_exec_time), 0) from pg_stat_statements " + NOT_OURS)
			.query(Double.class)
			.single();
	}

	/**
	 * The statements of every role but the superuser's, which reads these figures: the
	 * benchmark's reporting is not the work it measures.
	 */
	private static final String NOT_OURS = "where userid <> (select oid from pg_roles where rolname = current_user)";

	/**
	 * The statements that took most of the server's time since the start, the longest
	 * first, each query's text with its white space folded and cut to {@code width}
	 * characters.
	 */
	public List<Statement> top(int limit, int width) {
		if (!this.statements) {
			return List.of();
		}
		return this.superuser.sql(STATEMENTS + " order by total_exec_time desc limit :limit")
			.param("width", width)
			.param("limit", limit)
			.query((row, rowNum) -> statement(row))
			.list();
	}

	private static final String STATEMENTS = """
			select queryid, calls, plans, total_exec_time, total_plan_time, shared_blks_hit, shared_blks_read,
			       shared_blks_dirtied, wal_records, wal_fpi, wal_bytes, rows,
			       left(regexp_replace(query, '\\s+', ' ', 'g'), :width) as query
			from pg_stat_statements
			""" + NOT_OURS;

	private static Statement statement(ResultSet row) throws java.sql.SQLException {
		return new Statement(row.getLong("queryid"), row.getLong("calls"), row.getLong("plans"),
				row.getDouble("total_exec_time"), row.getDouble("total_plan_time"), row.getLong("shared_blks_hit"),
				row.getLong("shared_blks_read"), row.getLong("shared_blks_dirtied"), row.getLong("wal_records"),
				row.getLong("wal_fpi"), row.getDouble("wal_bytes"), row.getLong("rows"), row.getString("query"));
	}

	/**
	 * One statement's figures, summed over its calls: milliseconds executing and
	 * planning, shared buffers found in the cache, read and dirtied, WAL records, full
	 * page images and bytes, rows.
	 */
	public record Statement(long id, long calls, long plans, double executionMillis, double planningMillis,
			long blocksHit, long blocksRead, long blocksDirtied, long walRecords, long walPages, double walBytes,
			long rows, String query) {

		Statement minus(Statement before) {
			return (before == null) ? this
					: new Statement(this.id, this.calls - before.calls, this.plans - before.plans,
							this.executionMillis - before.executionMillis, this.planningMillis - before.planningMillis,
							this.blocksHit - before.blocksHit, this.blocksRead - before.blocksRead,
							this.blocksDirtied - before.blocksDirtied, this.walRecords - before.walRecords,
							this.walPages - before.walPages, this.walBytes - before.walBytes, this.rows - before.rows,
							this.query);
		}

	}

	/**
	 * A table's state and what was done to it so far: rows live and dead, heap, TOAST and
	 * index bytes; rows inserted, updated (of those HOT), deleted; sequential scans and
	 * the rows they read; heap buffers found and read; vacuums and analyses by
	 * autovacuum.
	 */
	public record Table(String name, long live, long dead, long heapBytes, long toastBytes, long indexBytes,
			long inserted, long updated, long hotUpdated, long deleted, long sequentialScans, long sequentialRows,
			long heapBlocks, long heapBlocksRead, long autovacuums, long autoanalyses) {
	}

	/** An index's size, scans and the buffers read through it so far. */
	public record Index(String name, String table, long bytes, long scans, long blocks, long blocksRead) {
	}

	/**
	 * The whole server's writing so far: WAL records, full page images and bytes;
	 * checkpoints begun and the buffers the checkpointer wrote; buffers the background
	 * writer cleaned; buffers the client backends read, wrote (evicting a dirty one) and
	 * added to relations.
	 */
	public record Server(long walRecords, long walPages, long walBytes, long checkpoints, long checkpointerWrites,
			long backgroundWrites, long backendReads, long backendWrites, long backendExtends) {
	}

	/** Cumulative figures at one moment, to compare with another's. */
	public record Counters(Map<Long, Statement> statements, Map<String, Table> tables, Map<String, Index> indexes,
			Server server) {
	}

	/**
	 * The cumulative figures now, of the statements (if kept), the tables and indexes.
	 */
	public Counters counters() {
		// a backend reports its tables' figures at the end of a transaction, at most
		// once a second: this one's at once
		this.superuser.sql("select pg_stat_force_next_flush()").query(Object.class).list();
		Map<Long, Statement> statements = new LinkedHashMap<>();
		if (this.statements) {
			this.superuser.sql(STATEMENTS)
				.param("width", 90)
				.query((row, rowNum) -> statement(row))
				.list()
				.forEach((statement) -> statements.merge(statement.id(), statement,
						(one, other) -> new Statement(one.id(), one.calls() + other.calls(),
								one.plans() + other.plans(), one.executionMillis() + other.executionMillis(),
								one.planningMillis() + other.planningMillis(), one.blocksHit() + other.blocksHit(),
								one.blocksRead() + other.blocksRead(), one.blocksDirtied() + other.blocksDirtied(),
								one.walRecords() + other.walRecords(), one.walPages() + other.walPages(),
								one.walBytes() + other.walBytes(), one.rows() + other.rows(), one.query())));
		}
		Map<String, Table> tables = new LinkedHashMap<>();
		this.superuser.sql("""
				select s.schemaname || '.' || s.relname as name, s.n_live_tup, s.n_dead_tup,
				       pg_relation_size(s.relid) as heap, coalesce(pg_total_relation_size(c.reltoastrelid), 0) as toast,
				       pg_indexes_size(s.relid) as indexes, s.n_tup_ins, s.n_tup_upd, s.n_tup_hot_upd, s.n_tup_del,
				       s.seq_scan, s.seq_tup_read, io.heap_blks_hit, io.heap_blks_read, s.autovacuum_count,
				       s.autoanalyze_count
				from pg_stat_user_tables s join pg_statio_user_tables io on io.relid = s.relid
				     join pg_class c on c.oid = s.relid
				""")
			.query((row, rowNum) -> new Table(row.getString("name"), row.getLong("n_live_tup"),
					row.getLong("n_dead_tup"), row.getLong("heap"), row.getLong("toast"), row.getLong("indexes"),
					row.getLong("n_tup_ins"), row.getLong("n_tup_upd"), row.getLong("n_tup_hot_upd"),
					row.getLong("n_tup_del"), row.getLong("seq_scan"), row.getLong("seq_tup_read"),
					row.getLong("heap_blks_hit") + row.getLong("heap_blks_read"), row.getLong("heap_blks_read"),
					row.getLong("autovacuum_count"), row.getLong("autoanalyze_count")))
			.list()
			.forEach((table) -> tables.put(table.name(), table));
		Map<String, Index> indexes = new LinkedHashMap<>();
		this.superuser
			.sql("""
					select s.schemaname || '.' || s.indexrelname as name, s.relname, pg_relation_size(s.indexrelid) as bytes,
					       s.idx_scan, io.idx_blks_hit, io.idx_blks_read
					from pg_stat_user_indexes s join pg_statio_user_indexes io on io.indexrelid = s.indexrelid
					""")
			.query((row, rowNum) -> new Index(row.getString("name"), row.getString("relname"), row.getLong("bytes"),
					row.getLong("idx_scan"), row.getLong("idx_blks_hit") + row.getLong("idx_blks_read"),
					row.getLong("idx_blks_read")))
			.list()
			.forEach((index) -> indexes.put(index.name(), index));
		Server server = this.superuser
			.sql("""
					select w.wal_records, w.wal_fpi, w.wal_bytes::bigint, c.num_timed + c.num_requested as checkpoints,
					       c.buffers_written, b.buffers_clean,
					       (select coalesce(sum(reads), 0) from pg_stat_io where backend_type = 'client backend') as reads,
					       (select coalesce(sum(writes), 0) from pg_stat_io where backend_type = 'client backend') as writes,
					       (select coalesce(sum(extends), 0) from pg_stat_io where backend_type = 'client backend') as extends
					from pg_stat_wal w, pg_stat_checkpointer c, pg_stat_bgwriter b
					""")
			.query((row, rowNum) -> new Server(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
					row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9)))
			.single();
		return new Counters(statements, tables, indexes, server);
	}

	/**
	 * What changed between two moments, per unit of work: the statements that took most
	 * of the server's time with the buffers and rows of each call; each table written
	 * meanwhile with its rows live and dead and sizes now, its writes, HOT updates, scans
	 * and vacuums; the indexes whose buffers per unit were most. Only the tables and
	 * indexes of the schema, the statements whose text passes.
	 */
	public static List<String> growth(Counters before, Counters after, long units, int top, String schema,
			Predicate<String> queries) {
		List<String> lines = new ArrayList<>();
		after.statements()
			.values()
			.stream()
			.map((statement) -> statement.minus(before.statements().get(statement.id())))
			.filter((statement) -> statement.calls() > 0 && queries.test(statement.query()))
			.sorted(Comparator.comparingDouble(Statement::executionMillis).reversed())
			.limit(top)
			.forEach((statement) -> lines.add(String.format(
					"statement %.3f ms/unit, %.2f calls/unit, %.1f buffers/call (%.2f read, %.2f dirtied), "
							+ "%.2f rows/call, %.2f plans/call, %.0f WAL bytes/call (%.2f full pages): %s",
					statement.executionMillis() / units, (double) statement.calls() / units,
					(double) (statement.blocksHit() + statement.blocksRead()) / statement.calls(),
					(double) statement.blocksRead() / statement.calls(),
					(double) statement.blocksDirtied() / statement.calls(),
					(double) statement.rows() / statement.calls(), (double) statement.plans() / statement.calls(),
					statement.walBytes() / statement.calls(), (double) statement.walPages() / statement.calls(),
					statement.query())));
		after.tables().values().stream().filter((table) -> table.name().startsWith(schema + ".")).forEach((table) -> {
			Table was = before.tables().get(table.name());
			if (was == null) {
				was = new Table(table.name(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
			}
			long written = (table.inserted() - was.inserted()) + (table.updated() - was.updated())
					+ (table.deleted() - was.deleted());
			if (written == 0 && table.sequentialScans() == was.sequentialScans()) {
				return;
			}
			lines.add(String.format(
					"table %s: %d live, %d dead, heap %.1f MB, TOAST %.1f MB, indexes %.1f MB; per unit %.2f inserted, "
							+ "%.2f updated (%.2f HOT), %.2f deleted, %.3f sequential scans reading %.1f rows, "
							+ "%.1f heap buffers (%.2f read); %d autovacuums, %d autoanalyses meanwhile",
					table.name(), table.live(), table.dead(), table.heapBytes() / 1e6, table.toastBytes() / 1e6,
					table.indexBytes() / 1e6, (double) (table.inserted() - was.inserted()) / units,
					(double) (table.updated() - was.updated()) / units,
					(double) (table.hotUpdated() - was.hotUpdated()) / units,
					(double) (table.deleted() - was.deleted()) / units,
					(double) (table.sequentialScans() - was.sequentialScans()) / units,
					(double) (table.sequentialRows() - was.sequentialRows()) / units,
					(double) (table.heapBlocks() - was.heapBlocks()) / units,
					(double) (table.heapBlocksRead() - was.heapBlocksRead()) / units,
					table.autovacuums() - was.autovacuums(), table.autoanalyses() - was.autoanalyses()));
		});
		after.indexes()
			.values()
			.stream()
			.filter((index) -> index.name().startsWith(schema + ".") && index.blocks() > blocks(before, index))
			.sorted(Comparator.comparingLong((Index index) -> index.blocks() - blocks(before, index)).reversed())
			.limit(top)
			.forEach((index) -> {
				Index was = before.indexes().get(index.name());
				lines
					.add(String.format("index %s: %.1f MB, per unit %.2f scans, %.1f buffers (%.2f read)", index.name(),
							index.bytes() / 1e6, (double) (index.scans() - ((was != null) ? was.scans() : 0)) / units,
							(double) (index.blocks() - blocks(before, index)) / units,
							(double) (index.blocksRead() - ((was != null) ? was.blocksRead() : 0)) / units));
			});
		return lines;
	}

	/**
	 * The whole server's writing between two moments, per unit of work (of every session,
	 * the benchmark's yardstick included).
	 */
	public static String serverGrowth(Counters before, Counters after, long units) {
		Server was = before.server();
		Server now = after.server();
		return String.format(
				"server: %.0f WAL bytes (%.1f records, %.2f full pages), %d checkpoints begun (%d so far), buffers "
						+ "written by the checkpointer %.2f, the background writer %.2f, the backends %.2f; backends "
						+ "read %.2f, extended %.2f",
				(double) (now.walBytes() - was.walBytes()) / units,
				(double) (now.walRecords() - was.walRecords()) / units,
				(double) (now.walPages() - was.walPages()) / units, now.checkpoints() - was.checkpoints(),
				now.checkpoints(), (double) (now.checkpointerWrites() - was.checkpointerWrites()) / units,
				(double) (now.backgroundWrites() - was.backgroundWrites()) / units,
				(double) (now.backendWrites() - was.backendWrites()) / units,
				(double) (now.backendReads() - was.backendReads()) / units,
				(double) (now.backendExtends() - was.backendExtends()) / units);
	}

	private static long blocks(Counters counters, Index index) {
		Index was = counters.indexes().get(index.name());
		return (was != null) ? was.blocks() : 0;
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
