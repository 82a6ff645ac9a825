package org.onevisit.benchmarks;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onevisit.transparency.LogEntry;
import org.onevisit.transparency.TransparencyLog;
import org.onevisit.transparency.tlog.Merkle;
import org.onevisit.transparency.tlog.TileBuilder;
import org.onevisit.transparency.tlog.Tiles;
import org.onevisit.transparency.tlog.TreeHash;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public log's figures (issue 26): appends per second through the pending table and
 * the sequencer, inclusion proofs produced and verified over a tree of ten million
 * entries (its tiles built synthetically in memory), and the time from an entry to the
 * first signed checkpoint covering it, at the default intervals. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=TransparencyLogBenchmark}; sizes by
 * {@code -Dlog.appends=200000 -Dlog.proofTree=10000000 -Dlog.latencyProbes=200}. Prints
 * figures; asserts only that the work was done.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "onevisit.db.embedded.durable=true", "logging.level.org.onevisit=warn" })
class TransparencyLogBenchmark {

	@Autowired
	TransparencyLog log;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void appendsPerSecondThroughTheSequencer() throws Exception {
		int appends = Integer.getInteger("log.appends", 200_000);
		int writers = 4;
		int perTransaction = 100;
		long start = size();
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		long began = System.nanoTime();
		List<Future<?>> done = new ArrayList<>();
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
			}));
		}
		for (Future<?> writer : done) {
			writer.get();
		}
		long written = System.nanoTime();
		while (size() < start + appends) {
			Thread.sleep(20);
		}
		long sequenced = System.nanoTime();
		pool.shutdown();

		double seconds = (sequenced - began) / 1e9;
		System.out.printf(
				"log appends: %d entries by %d writers in transactions of %d: written in %.2f s, "
						+ "in the tree after %.2f s: %.0f entries/s%n",
				appends, writers, perTransaction, (written - began) / 1e9, seconds, appends / seconds);
		assertThat(size()).isGreaterThanOrEqualTo(start + appends);
	}

	@Test
	void inclusionProofsOverTenMillionEntries() {
		int entries = Integer.getInteger("log.proofTree", 10_000_000);
		Map<String, byte[]> tiles = new HashMap<>();
		Tiles.TileReader reader = (level, index, width) -> {
			byte[] hashes = tiles.get(level + "/" + index);
			return (hashes.length == width * TreeHash.SIZE) ? hashes : Arrays.copyOf(hashes, width * TreeHash.SIZE);
		};
		long building = System.nanoTime();
		TileBuilder builder = new TileBuilder(0, reader);
		ByteBuffer entry = ByteBuffer.allocate(8);
		for (long i = 0; i < entries; i++) {
			builder.append(TreeHash.leaf(entry.putLong(0, i).array()));
			if (i % 65_536 == 65_535) {
				builder.drainChanged().forEach((tile) -> tiles.put(tile.level() + "/" + tile.index(), tile.hashes()));
			}
		}
		builder.drainChanged().forEach((tile) -> tiles.put(tile.level() + "/" + tile.index(), tile.hashes()));
		byte[] root = Merkle.root(entries, new Tiles(entries, reader));
		double built = (System.nanoTime() - building) / 1e9;

		Random random = new Random(26);
		int proofs = 2_000;
		long[] produce = new long[proofs];
		long[] verify = new long[proofs];
		for (int p = -200; p < proofs; p++) {
			long index = (long) (random.nextDouble() * entries);
			long t0 = System.nanoTime();
			// a new Tiles each time: nothing is remembered from one proof to the next
			List<byte[]> proof = Merkle.inclusionProof(index, entries, new Tiles(entries, reader));
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
		Arrays.sort(produce);
		Arrays.sort(verify);
		System.out.printf(
				"log proofs over %,d entries (tiles built in %.1f s): produce median %.3f ms, p99 %.3f ms; "
						+ "verify median %.3f ms, p99 %.3f ms%n",
				entries, built, produce[proofs / 2] / 1e6, produce[proofs * 99 / 100] / 1e6, verify[proofs / 2] / 1e6,
				verify[proofs * 99 / 100] / 1e6);
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
