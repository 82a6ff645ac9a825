package org.onevisit.exchange.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onevisit.applications.ApplicationId;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.RegistryChange;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.registries.RegistryControl;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write-back of property transfers (回写) with 16 concurrent writers and no think time:
 * each a signed update to the property registry over loopback HTTP, the registry moving a
 * flat to its buyer under a new certificate, the ledger entries durable before the change
 * is recorded as written, in the transaction an outbox listener has. On the embedded
 * PostgreSQL with fsync and synchronous_commit on. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=WriteBackBenchmark} ({@code -Dbenchmark.seconds}
 * sets the measured round, 30 s by default, after a warm-up round of the same length).
 */
@Tag("benchmark")
@SpringBootTest(properties = { "onevisit.db.embedded.durable=true", "logging.level.org.onevisit=warn" })
class WriteBackBenchmark {

	static final int WRITERS = 16;

	@Autowired
	WriteBack writeBack;

	@Autowired
	RegistryControl registries;

	@Autowired
	Catalogue catalogue;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void writesPropertyTransfersBackWithSixteenWriters() throws Exception {
		int seconds = Integer.getInteger("benchmark.seconds", 30);
		ServiceItem item = this.catalogue.item("339900-NR-001").content();
		LocalDate adult = LocalDate.now().minusYears(25);
		List<String> people = this.registries.subjectsMatching("population.identity",
				(record) -> String.valueOf(record.get("birthDate")).compareTo(adult.toString()) < 0);

		long[] warmUp = run(item, people, seconds);
		System.out.printf("BENCHMARK write-back warm-up: %s%n", summary(warmUp, seconds));
		long[] measured = run(item, people, seconds);
		System.out.printf("BENCHMARK write-back, %d writers without pause, %d s: %s%n", WRITERS, seconds,
				summary(measured, seconds));

		assertThat(measured).isNotEmpty();
	}

	/** Latencies in microseconds of the write-backs done in the time. */
	private long[] run(ServiceItem item, List<String> people, int seconds) throws Exception {
		// flats for 400 write-backs a second, registered before the clock runs
		ConcurrentLinkedQueue<Map<String, Object>> forms = new ConcurrentLinkedQueue<>();
		for (int f = 0; f < 400 * seconds; f++) {
			String seller = people.get(f % people.size());
			String buyer = people.get((f + 1) % people.size());
			RegistryControl.Flat flat = this.registries.registerFlat(List.of(new RegistryControl.Share(seller, 100)),
					"示范市东湖区回写压测路" + f + "号", 89.5, LocalDate.of(2019, 4, 16));
			forms.add(Map.of("sellerId", seller, "buyerId", buyer, "certificateNo", flat.certificateNo(), "address",
					flat.address(), "price", 1_250_000));
		}
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		List<Future<List<Long>>> done = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			done.add(writers.submit(() -> {
				List<Long> latencies = new ArrayList<>();
				Map<String, Object> form;
				while (System.nanoTime() < end && (form = forms.poll()) != null) {
					Map<String, Object> next = form;
					ApplicationId application = new ApplicationId(UUID.randomUUID());
					long start = System.nanoTime();
					boolean wrote = Boolean.TRUE
						.equals(transaction.execute((status) -> this.writeBack.writeOne(application,
								"BENCH-" + application.value(), item, next, RegistryChange.PROPERTY_TRANSFER)));
					if (wrote) {
						latencies.add((System.nanoTime() - start) / 1_000);
					}
				}
				return latencies;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> each : done) {
			all.addAll(each.get());
		}
		writers.shutdown();
		return all.stream().mapToLong(Long::longValue).sorted().toArray();
	}

	private static String summary(long[] sorted, int seconds) {
		if (sorted.length == 0) {
			return "none";
		}
		return String.format("%d write-backs, %.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.length,
				sorted.length / (double) seconds, sorted[sorted.length / 2] / 1e3,
				sorted[(int) (sorted.length * 0.99)] / 1e3, sorted[sorted.length - 1] / 1e3);
	}

}
