package org.onevisit.transparency.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.onevisit.transparency.LogEntry;
import org.onevisit.transparency.tlog.TileBuilder;
import org.onevisit.transparency.tlog.Tiles;
import org.onevisit.transparency.tlog.TreeHash;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The log's tables: pending entries, the tree's entries and tiles, checkpoints. */
@Repository
class LogTables {

	// any fixed number: only one node sequences at a time
	static final long SEQUENCER_LOCK = 0x544C4F47L;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	LogTables(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void addPending(List<LogEntry> entries) {
		if (entries.size() == 1) {
			LogEntry entry = entries.get(0);
			this.jdbc.sql("insert into transparency_pending (reference, entry) values (:reference, :entry)")
				.param("reference", entry.reference())
				.param("entry", entry.encode())
				.update();
			return;
		}
		// one statement for the whole list: a batch of single-row inserts costs a round
		// trip each
		String[] references = entries.stream().map(LogEntry::reference).toArray(String[]::new);
		byte[][] encoded = entries.stream().map(LogEntry::encode).toArray(byte[][]::new);
		this.batch.update("insert into transparency_pending (reference, entry) select * from unnest(?, ?)",
				(statement) -> {
					statement.setArray(1, statement.getConnection().createArrayOf("text", references));
					statement.setArray(2, statement.getConnection().createArrayOf("bytea", encoded));
				});
	}

	/** Whether this transaction now holds the sequencer's lock. */
	boolean lockSequencer() {
		return Boolean.TRUE.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
			.param("lock", SEQUENCER_LOCK)
			.query(Boolean.class)
			.single());
	}

	record Pending(long id, String reference, byte[] entry) {
	}

	List<Pending> pending(int limit) {
		return this.jdbc.sql("select id, reference, entry from transparency_pending order by id limit :limit")
			.param("limit", limit)
			.query((row, rowNum) -> new Pending(row.getLong(1), row.getString(2), row.getBytes(3)))
			.list();
	}

	record Tree(long size, byte[] root) {
	}

	Tree tree() {
		return this.jdbc.sql("select size, root from transparency_tree where id = 1")
			.query((row, rowNum) -> new Tree(row.getLong(1), row.getBytes(2)))
			.single();
	}

	void saveTree(long size, byte[] root, Instant at) {
		this.jdbc.sql("update transparency_tree set size = :size, root = :root, updated_at = :at where id = 1")
			.param("size", size)
			.param("root", root)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Moves the pending entries taken into the tree, numbered from {@code firstIndex} in
	 * the order of their ids (the order they were hashed in), in one statement on the
	 * server: their bytes are not sent back. The application cannot update a pending row
	 * (V202612080402), and one sequencer runs at a time, so the rows moved are the rows
	 * read.
	 */
	void moveIntoTree(long firstIndex, List<Pending> taken) {
		Long[] ids = taken.stream().map(Pending::id).toArray(Long[]::new);
		int moved = this.batch.update("""
				with taken as (delete from transparency_pending where id = any(?) returning id, reference, entry)
				insert into transparency_entry (idx, reference, entry)
				select ? + row_number() over (order by id) - 1, reference, entry from taken
				""", (statement) -> {
			statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids));
			statement.setLong(2, firstIndex);
		});
		if (moved != taken.size()) {
			throw new IllegalStateException(
					"moved " + moved + " pending entries into the log instead of the " + taken.size() + " hashed");
		}
	}

	void saveTiles(List<TileBuilder.Tile> tiles) {
		this.batch.batchUpdate("""
				insert into transparency_tile (level, idx, hashes) values (?, ?, ?)
				on conflict (level, idx) do update set hashes = excluded.hashes
				""", tiles.stream().map((tile) -> new Object[] { tile.level(), tile.index(), tile.hashes() }).toList());
	}

	/**
	 * The first {@code width} hashes of a stored tile, or null when it has fewer (or
	 * none).
	 */
	byte[] tile(int level, long index, int width) {
		byte[] hashes = this.jdbc.sql("select hashes from transparency_tile where level = :level and idx = :index")
			.param("level", level)
			.param("index", index)
			.query(byte[].class)
			.optional()
			.orElse(null);
		if (hashes == null || hashes.length < width * TreeHash.SIZE) {
			return null;
		}
		return (hashes.length == width * TreeHash.SIZE) ? hashes : Arrays.copyOf(hashes, width * TreeHash.SIZE);
	}

	/** A tile as stored, however wide, or null. */
	byte[] storedTile(int level, long index) {
		return this.jdbc.sql("select hashes from transparency_tile where level = :level and idx = :index")
			.param("level", level)
			.param("index", index)
			.query(byte[].class)
			.optional()
			.orElse(null);
	}

	Tiles.TileReader tileReader() {
		return this::tile;
	}

	/** The entries from that index on, at most {@code count}, in order. */
	List<byte[]> entries(long from, int count) {
		return this.jdbc.sql("select entry from transparency_entry where idx >= :from and idx < :to order by idx")
			.param("from", from)
			.param("to", from + count)
			.query(byte[].class)
			.list();
	}

	record Found(long index, byte[] entry) {
	}

	/**
	 * The first entry with that reference, its index and bytes, in one statement: one
	 * descent of the index on (reference, idx) (V202612100200).
	 */
	Optional<Found> first(String reference) {
		return this.jdbc
			.sql("select idx, entry from transparency_entry where reference = :reference order by idx limit 1")
			.param("reference", reference)
			.query((row, rowNum) -> new Found(row.getLong(1), row.getBytes(2)))
			.optional();
	}

	Map<String, Long> indexes(Collection<String> references) {
		if (references.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				select reference, min(idx) as idx from transparency_entry where reference in (:references)
				group by reference
				""")
			.param("references", references)
			.query((row, rowNum) -> Map.entry(row.getString(1), row.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	record SignedCheckpoint(long size, byte[] root, Instant signedAt, String note) {
	}

	Optional<SignedCheckpoint> latestCheckpoint() {
		return this.jdbc.sql("""
				select size, root, signed_at, note from transparency_checkpoint order by size desc limit 1
				""").query(LogTables::checkpoint).optional();
	}

	Optional<SignedCheckpoint> checkpoint(long size) {
		return this.jdbc.sql("select size, root, signed_at, note from transparency_checkpoint where size = :size")
			.param("size", size)
			.query(LogTables::checkpoint)
			.optional();
	}

	/**
	 * A signed checkpoint and its note with the witnesses' cosignature lines appended, in
	 * the witnesses' order.
	 */
	record Cosigned(SignedCheckpoint checkpoint, String note) {
	}

	// the checkpoint chosen by the inner select, with its cosignatures, in one statement
	private static final String COSIGNED = """
			select c.size, c.root, c.signed_at, c.note,
			       c.note || coalesce((select string_agg(s.line, '' order by s.witness)
			                           from transparency_cosignature s where s.size = c.size), '')
			from (select size, root, signed_at, note from transparency_checkpoint %s) c
			""";

	/** The newest checkpoint with its cosignatures. */
	Optional<Cosigned> latestCosigned() {
		return this.jdbc.sql(COSIGNED.formatted("order by size desc limit 1")).query(LogTables::cosigned).optional();
	}

	/** The checkpoint of that size with its cosignatures. */
	Optional<Cosigned> cosigned(long size) {
		return this.jdbc.sql(COSIGNED.formatted("where size = :size"))
			.param("size", size)
			.query(LogTables::cosigned)
			.optional();
	}

	private static Cosigned cosigned(ResultSet row, int rowNum) throws SQLException {
		return new Cosigned(checkpoint(row, rowNum), row.getString(5));
	}

	List<SignedCheckpoint> checkpoints() {
		return this.jdbc.sql("select size, root, signed_at, note from transparency_checkpoint order by size")
			.query(LogTables::checkpoint)
			.list();
	}

	private static SignedCheckpoint checkpoint(ResultSet row, int rowNum) throws SQLException {
		return new SignedCheckpoint(row.getLong(1), row.getBytes(2), row.getTimestamp(3).toInstant(), row.getString(4));
	}

	void addCheckpoint(long size, byte[] root, Instant at, String note) {
		this.jdbc.sql("""
				insert into transparency_checkpoint (size, root, signed_at, note) values (:size, :root, :at, :note)
				on conflict (size) do nothing
				""")
			.param("size", size)
			.param("root", root)
			.param("at", Timestamp.from(at))
			.param("note", note)
			.update();
	}

	record Cosignature(String witness, long size, String line) {
	}

	/** Each witness's cosignature of the largest checkpoint it cosigned. */
	List<Cosignature> latestCosignatures() {
		return this.jdbc.sql("""
				select distinct on (witness) witness, size, line from transparency_cosignature
				order by witness, size desc
				""").query((row, rowNum) -> new Cosignature(row.getString(1), row.getLong(2), row.getString(3))).list();
	}

	/**
	 * Keeps a witness's first cosignature of a checkpoint: the table is insert-only for
	 * the application, and a later one says nothing more.
	 */
	void addCosignature(long size, String witness, String line, Instant at) {
		this.jdbc.sql("""
				insert into transparency_cosignature (size, witness, line, received_at)
				values (:size, :witness, :line, :at)
				on conflict (size, witness) do nothing
				""")
			.param("size", size)
			.param("witness", witness)
			.param("line", line)
			.param("at", Timestamp.from(at))
			.update();
	}

}
