package org.onevisit.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onevisit.transparency.Inclusion;
import org.onevisit.transparency.LogEntry;
import org.onevisit.transparency.TransparencyLog;
import org.onevisit.transparency.tlog.Merkle;
import org.onevisit.transparency.tlog.TileBuilder;
import org.onevisit.transparency.tlog.TileCache;
import org.onevisit.transparency.tlog.Tiles;
import org.onevisit.transparency.tlog.TreeHash;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public log's figures (issue 26): appends per second through the pending table and
 * the sequencer, inclusion proofs produced and verified over a tree of ten million
 * entries (its tiles built synthetically in memory), and the time from an entry to the
 * first signed checkpoint covering it, at the default intervals. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=TransparencyLogBenchmark}; sizes by
 * {@code -Dlog.appends=200000 -Dlog.proofTree=10000000 -Dlog.latencyProbes=200}, samples
 * by {@code -Dlog.proofs=20000 -Dlog.proofWarmUp=20000 -Dlog.productProofs=5000}; with
 * {@code -Donevisit.db.embedded.settings.shared_preload_libraries=pg_stat_statements} the
 * appends print where PostgreSQL spent its time. Prints figures; asserts only that the
 * work was done.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "onevisit.db.embedded.durable=true", "logging.level.org.onevisit=warn" })
// counts the statements on the log's tables, for the statements per proof
@Import(StatementCounter.class)
class TransparencyLogBenchmark {

	@Autowired
	TransparencyLog log;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void appendsPerSecondThroughTheSequencer() throws Exception {
		int appends = Integer.getInteger("log.appends", 200_000);
		int writers = 4;
		int perTransaction = 100;
		// with
		// -Donevisit.db.embedded.settings.shared_preload_libraries=pg_stat_statements
		// PostgreSQL times each statement: reset here, before the measured appends
		PostgresStatements statements = PostgresStatements.start(this.dataSource);
		long start = size();
		ProcessCpu cpu = new ProcessCpu(this.jdbc.sql("select pg_backend_pid()").query(Long.class).single());
		ProcessCpu.Sample cpuBefore = cpu.now();
		long sequencerBefore = sequencerCpu();
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		long began = System.nanoTime();
		List<Future<Long>> done = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			int writer = w;
			done.add(pool.submit(() -> {
				for (int i = writer * perTransaction; i < appends; i += writers * perTransaction) {
					List<LogEntry> batch = new ArrayList<>(perTransaction);
					for (int j = i; j < Math.min(i + perTransaction, appends); j++) {
						batch.add(LogEntry.dataAccess(j, new byte[32], "population", "nr", "DELIVERED", Instant.now()));
					}
					this.transactions.executeWithoutResult((status) -> this.log.record(batch));
				}
				return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
			}));
		}
		long writersCpu = 0;
		for (Future<Long> writer : done) {
			writersCpu += writer.get();
		}
		long written = System.nanoTime();
		while (size() < start + appends) {
			Thread.sleep(20);
		}
		long sequenced = System.nanoTime();
		ProcessCpu.Sample used = cpu.now().since(cpuBefore);
		long sequencerCpu = sequencerCpu() - sequencerBefore;
		pool.shutdown();

		double seconds = (sequenced - began) / 1e9;
		System.out.printf(
				"log appends: %d entries by %d writers in transactions of %d: written in %.2f s (%.0f entries/s), "
						+ "in the tree after %.2f s: %.0f entries/s; load average %.1f%n",
				appends, writers, perTransaction, (written - began) / 1e9, appends / ((written - began) / 1e9), seconds,
				appends / seconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		System.out.printf(
				"log appends: CPU per entry %.1f µs in the JVM (writers' threads %.1f, sequencer %.1f), %.1f µs in "
						+ "PostgreSQL; the host stole %.0f %%%n",
				used.jvm() / 1e3 / appends, writersCpu / 1e3 / appends, sequencerCpu / 1e3 / appends,
				used.database() / 1e3 / appends, 100 * used.stolen());
		printStatementStatistics(statements, appends);
		assertThat(size()).isGreaterThanOrEqualTo(start + appends);
		proofsThroughTheProduct(appends);
	}

	/**
	 * Inclusion proofs as the licence check and a citizen's data page ask for them: by
	 * reference, from the tiles, entries and checkpoints stored in PostgreSQL.
	 */
	private void proofsThroughTheProduct(int appends) throws InterruptedException {
		String last = "access/" + (appends - 1);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (this.log.inclusion(last).isEmpty() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		if (Boolean.getBoolean("log.explain")) {
			explainProofStatements("access/" + (appends / 2));
		}
		Random random = new Random(26);
		int proofs = Integer.getInteger("log.productProofs", 5_000);
		long[] took = new long[proofs];
		long statements = 0;
		for (int p = -proofs; p < proofs; p++) {
			if (p == 0) {
				statements = StatementCounter.LOG.sum();
			}
			String reference = "access/" + random.nextInt(appends);
			long t0 = System.nanoTime();
			Optional<Inclusion> inclusion = this.log.inclusion(reference);
			long t1 = System.nanoTime();
			assertThat(inclusion).isPresent();
			if (p >= 0) {
				took[p] = t1 - t0;
			}
		}
		statements = StatementCounter.LOG.sum() - statements;
		Arrays.sort(took);
		System.out.printf(
				"log proofs through TransparencyLog.inclusion(reference) over the %,d entries in PostgreSQL: "
						+ "median %.3f ms, p99 %.3f ms, max %.3f ms (%d proofs after as many to warm up); "
						+ "%.2f statements on the log's tables per proof (the sequencer's polls included)%n",
				size(), took[proofs / 2] / 1e6, took[proofs * 99 / 100] / 1e6, took[proofs - 1] / 1e6, proofs,
				(double) statements / proofs);
		if (Boolean.getBoolean("log.explain")) {
			explainProofStatements("access/" + random.nextInt(appends));
		}
	}

	/**
	 * With {@code -Dlog.explain=true}: the plans of a proof's statements, as PostgreSQL
	 * runs them for the pool's prepared statements (a generic plan) and for their values
	 * (a custom plan).
	 */
	private void explainProofStatements(String reference) {
		Map<String, String> statements = new java.util.LinkedHashMap<>();
		statements.put("the entry by its reference",
				"select idx, entry from transparency_entry where reference = $1 order by idx limit 1");
		statements.put("the newest checkpoint with its cosignatures", """
				select c.size, c.root, c.signed_at, c.note,
				       c.note || coalesce((select string_agg(s.line, '' order by s.witness)
				                           from transparency_cosignature s where s.size = c.size), '')
				from (select size, root, signed_at, note from transparency_checkpoint order by size desc limit 1) c
				where $1::text is not null
				""");
		statements.put("a level-0 tile not in the proof cache",
				"select hashes from transparency_tile where level = 0 and idx = 0 and $1::text is not null");
		try (java.sql.Connection connection = this.dataSource.getConnection();
				java.sql.Statement statement = connection.createStatement()) {
			try (ResultSet table = statement.executeQuery("""
					select n_live_tup, last_analyze, last_autoanalyze from pg_stat_user_tables
					where relname = 'transparency_entry'
					""")) {
				table.next();
				System.out.printf("log explain: transparency_entry %d live rows, analysed %s / automatically %s%n",
						table.getLong(1), table.getString(2), table.getString(3));
			}
			for (Map.Entry<String, String> explained : statements.entrySet()) {
				for (String mode : List.of("force_generic_plan", "force_custom_plan")) {
					statement.execute("set plan_cache_mode = " + mode);
					statement.execute("prepare explained (text) as " + explained.getValue());
					StringBuilder plan = new StringBuilder();
					try (ResultSet lines = statement
						.executeQuery("explain (analyze, buffers) execute explained ('" + reference + "')")) {
						while (lines.next()) {
							plan.append("\n    ").append(lines.getString(1));
						}
					}
					statement.execute("deallocate explained");
					System.out.printf("log explain: %s, %s:%s%n", explained.getKey(), mode, plan);
				}
			}
			statement.execute("reset plan_cache_mode");
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void inclusionProofsOverTenMillionEntries() {
		int entries = Integer.getInteger("log.proofTree", 10_000_000);
		Map<Long, byte[]> tiles = new HashMap<>();
		Tiles.TileReader reader = (level, index, width) -> {
			byte[] hashes = tiles.get(((long) level << 56) | index);
			return (hashes.length == width * TreeHash.SIZE) ? hashes : Arrays.copyOf(hashes, width * TreeHash.SIZE);
		};
		long building = System.nanoTime();
		TileBuilder builder = new TileBuilder(0, reader);
		ByteBuffer entry = ByteBuffer.allocate(8);
		for (long i = 0; i < entries; i++) {
			builder.append(TreeHash.leaf(entry.putLong(0, i).array()));
			if (i % 65_536 == 65_535) {
				builder.drainChanged()
					.forEach((tile) -> tiles.put(((long) tile.level() << 56) | tile.index(), tile.hashes()));
			}
		}
		builder.drainChanged().forEach((tile) -> tiles.put(((long) tile.level() << 56) | tile.index(), tile.hashes()));
		byte[] root = Merkle.root(entries, new Tiles(entries, reader));
		double built = (System.nanoTime() - building) / 1e9;

		System.out.printf("log proofs over %,d entries: tiles built in %.1f s%n", entries, built);
		// as the product serves them: through a cache of the tiles earlier proofs
		// expanded, of the product's default size (2,048 tiles, 32 MB); the random
		// entries' level-0 tiles are seldom in it, the levels above nearly always
		TileCache cache = new TileCache(2048);
		proofs(entries, root, "as served (tiles expanded by earlier proofs kept in a cache of 2,048)",
				() -> new Tiles(entries, reader, cache));
		// nothing remembered from one proof to the next
		proofs(entries, root, "cold (every tile read and hashed anew)", () -> new Tiles(entries, reader));
	}

	private void proofs(int entries, byte[] root, String how, Supplier<Tiles> tiles) {
		Random random = new Random(26);
		ByteBuffer entry = ByteBuffer.allocate(8);
		int proofs = Integer.getInteger("log.proofs", 20_000);
		// as many again to warm up: the JIT compiles SM3 and the proof code within the
		// first thousands, and a server proves for days
		int warmUp = Integer.getInteger("log.proofWarmUp", 20_000);
		long[] produce = new long[proofs];
		long[] verify = new long[proofs];
		long[] gc = null;
		for (int p = -warmUp; p < proofs; p++) {
			if (p == 0) {
				gc = garbageCollections();
			}
			long index = (long) (random.nextDouble() * entries);
			long t0 = System.nanoTime();
			List<byte[]> proof = Merkle.inclusionProof(index, entries, tiles.get());
			long t1 = System.nanoTime();
			boolean ok = Merkle.verifyInclusion(index, entries, TreeHash.leaf(entry.putLong(0, index).array()), proof,
					root);
			long t2 = System.nanoTime();
			assertThat(ok).isTrue();
			if (p >= 0) {
				produce[p] = t1 - t0;
				verify[p] = t2 - t1;
			}
		}
		long[] gcAfter = garbageCollections();
		Arrays.sort(produce);
		Arrays.sort(verify);
		System.out.printf(
				"log proofs over %,d entries, %s, %,d proofs after %,d to warm up: produce median %.3f ms, p99 %.3f ms, "
						+ "p99.9 %.3f ms, max %.3f ms; verify median %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms; "
						+ "%d garbage collections in %d ms meanwhile; load average %.1f%n",
				entries, how, proofs, warmUp, produce[proofs / 2] / 1e6, produce[proofs * 99 / 100] / 1e6,
				produce[proofs * 999 / 1000] / 1e6, produce[proofs - 1] / 1e6, verify[proofs / 2] / 1e6,
				verify[proofs * 99 / 100] / 1e6, verify[proofs * 999 / 1000] / 1e6, verify[proofs - 1] / 1e6,
				gcAfter[0] - gc[0], gcAfter[1] - gc[1],
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/** Collections so far and the milliseconds they took, over all collectors. */
	private static long[] garbageCollections() {
		long[] sum = new long[2];
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			sum[0] += Math.max(0, collector.getCollectionCount());
			sum[1] += Math.max(0, collector.getCollectionTime());
		}
		return sum;
	}

	/** CPU time so far of Spring's scheduler threads, where the sequencer runs. */
	private static long sequencerCpu() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long sum = 0;
		for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (thread != null && thread.getThreadName().startsWith("scheduling-")) {
				sum += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
			}
		}
		return sum;
	}

	/** Where PostgreSQL spent its time in the appends, per entry. */
	private static void printStatementStatistics(PostgresStatements statements, long entries) {
		for (PostgresStatements.Statement statement : statements.top(12, 110)) {
			System.out.printf(
					"log appends, PostgreSQL: %.2f µs/entry executing, %.4f calls/entry, %.0f WAL bytes/entry: %s%n",
					statement.executionMillis() * 1e3 / entries, (double) statement.calls() / entries,
					statement.walBytes() / entries, statement.query());
		}
	}

	@Test
	void fromAnEntryToACheckpointCoveringIt() throws Exception {
		int probes = Integer.getInteger("log.latencyProbes", 200);
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		List<Long> latencies = new ArrayList<>();
		AtomicBoolean loading = new AtomicBoolean(true);
		// background load, as the exchange and the licences would make it
		Thread load = new Thread(() -> {
			int n = 0;
			while (loading.get()) {
				List<LogEntry> batch = new ArrayList<>();
				for (int i = 0; i < 20; i++) {
					batch.add(LogEntry.dataAccess(n++, new byte[32], "population", "nr", "DELIVERED", Instant.now()));
				}
				this.transactions.executeWithoutResult((status) -> this.log.record(batch));
			}
		});
		load.start();
		try {
			for (int p = 0; p < probes; p++) {
				String reference = "catalogue/item/latency-" + System.nanoTime() + "/" + p;
				this.transactions.executeWithoutResult((status) -> this.log.record(
						new LogEntry(LogEntry.Kind.CATALOGUE_CHANGED, Instant.now(), List.of(reference, "publish"))));
				sentAt.put(reference, System.nanoTime());
				Thread.sleep(50);
				collect(sentAt, latencies);
			}
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (!sentAt.isEmpty() && Instant.now().isBefore(deadline)) {
				Thread.sleep(50);
				collect(sentAt, latencies);
			}
		}
		finally {
			loading.set(false);
			load.join(TimeUnit.SECONDS.toMillis(30));
		}
		latencies.sort(Long::compare);
		System.out.printf(
				"log latency from an entry to a signed checkpoint covering it (%d probes under load, "
						+ "default intervals): median %.2f s, p99 %.2f s, max %.2f s%n",
				latencies.size(), latencies.get(latencies.size() / 2) / 1e9,
				latencies.get(latencies.size() * 99 / 100) / 1e9, latencies.get(latencies.size() - 1) / 1e9);
		assertThat(sentAt).isEmpty();
	}

	private void collect(Map<String, Long> sentAt, List<Long> latencies) {
		long signed = this.jdbc.sql("select coalesce(max(size), 0) from transparency_checkpoint")
			.query(Long.class)
			.single();
		long now = System.nanoTime();
		Map<String, Long> indexes = this.log.indexes(sentAt.keySet());
		indexes.forEach((reference, index) -> {
			if (index < signed) {
				latencies.add(now - sentAt.remove(reference));
			}
		});
	}

	private long size() {
		return this.jdbc.sql("select size from transparency_tree").query(Long.class).single();
	}

}
