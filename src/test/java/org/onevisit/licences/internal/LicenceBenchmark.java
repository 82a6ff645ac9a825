package org.onevisit.licences.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onevisit.identity.Actor;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationEvents.ApprovedItem;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.benchmarks.ProcessCpu;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.applications.MattersInProcess;
import org.onevisit.applications.Channel;
import org.onevisit.shared.Subject;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.BundleField;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.FieldType;
import org.onevisit.catalog.MaterialSource;
import org.onevisit.licences.Verification;
import org.onevisit.shared.ResidentId;
import org.onevisit.signing.KeyName;
import org.onevisit.signing.Signer;
import org.onevisit.signing.SigningKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issuing and verifying licences on the embedded PostgreSQL with fsync and
 * synchronous_commit on. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=LicenceBenchmark}. Issuing is measured the way
 * the outbox drives it: one approved restaurant bundle (two licences: food permit,
 * fire-safety opinion; the business licence is issued on the registry's answer) per call,
 * with its application loaded, every licence built, signed and stored, and the holder's
 * message event recorded; 8 threads, as the listener executor would run. Verifying is
 * {@code LicenceWallet.verify} on the documents: parse, canonicalise, SM2 verify,
 * revocation lookup.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "onevisit.db.embedded.durable=true", "logging.level.org.onevisit=warn" })
class LicenceBenchmark {

	static final int APPLICATIONS = 4_000;

	/**
	 * The licences a restaurant's approval issues: the food permit and the fire-safety
	 * opinion; the business licence waits for the enterprise registry's answer.
	 */
	static final long ON_APPROVAL = 2L;

	static final String OPERATOR = "339902198503120016";

	@Autowired
	ApplicationManagement applications;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	org.onevisit.applications.Uploads uploads;

	@Autowired
	Catalogue catalogue;

	@Autowired
	LicenceService licences;

	@Autowired
	Licences stored;

	@Autowired
	Signer signer;

	@Autowired
	SigningKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Test
	void issuesAndVerifiesLicences() throws Exception {
		List<ApplicationApproved> approvals = approveRestaurants();
		await(() -> count() >= approvals.size() * ON_APPROVAL);
		System.out.printf("BENCHMARK set-up: %d approved restaurant bundles, %d licences issued by the listener%n",
				approvals.size(), count());

		// ten rounds: issuing gets little sustained load per round, and the JIT needs it
		List<Double> rates = new ArrayList<>();
		// CPU per licence beside throughput: on this shared VM both move with the host
		// from one hour to the next, so two codes compare only in runs side by side
		ProcessCpu cpu = new ProcessCpu(this.jdbc.sql("select pg_backend_pid()").query(Long.class).single());
		List<double[]> cpuPerLicence = new ArrayList<>();
		for (int round = 1; round <= 10; round++) {
			// the application's role has no TRUNCATE: the superuser empties the table
			org.onevisit.Superuser.of(this.dataSource).jdbc().sql("truncate licences_licence").update();
			Map<String, Long> rolesBefore = cpu.byRole();
			ProcessCpu.Sample before = cpu.now();
			long start = System.nanoTime();
			parallel(8, approvals, this.licences::issueFor);
			double seconds = (System.nanoTime() - start) / 1e9;
			ProcessCpu.Sample used = cpu.now().since(before);
			Map<String, Long> rolesAfter = cpu.byRole();
			long issued = count();
			assertThat(issued).isEqualTo(approvals.size() * ON_APPROVAL);
			// the backends serve the issuers; the rest is autovacuum (its workers end, so
			// "ended") and the background writers
			double backends = (rolesAfter.get("backend") - rolesBefore.getOrDefault("backend", 0L)) / 1e6 / issued;
			rates.add(issued / seconds);
			double[] perLicence = used.millisPer(issued);
			cpuPerLicence.add(perLicence);
			System.out.printf(
					"BENCHMARK issue round %d: %d licences in %.2f s = %.0f licences/s; CPU per licence %.3f ms"
							+ " (JVM %.3f, PostgreSQL %.3f of which its backends %.3f), the host stole %.0f %%%n",
					round, issued, seconds, issued / seconds, perLicence[2], perLicence[0], perLicence[1], backends,
					100 * used.stolen());
		}
		List<Double> last = new ArrayList<>(rates.subList(5, 10));
		last.sort(null);
		List<double[]> lastCpu = new ArrayList<>(cpuPerLicence.subList(5, 10));
		lastCpu.sort(Comparator.comparingDouble((perLicence) -> perLicence[2]));
		System.out.printf("BENCHMARK issue, median of rounds 6-10: %.0f licences/s; CPU per licence %.3f ms (JVM %.3f,"
				+ " PostgreSQL %.3f)%n", last.get(2), lastCpu.get(2)[2], lastCpu.get(2)[0], lastCpu.get(2)[1]);

		// the documents as a holder or a verifier receives them (stored sealed)
		List<String> documents = this.jdbc.sql("select id from licences_licence")
			.query(UUID.class)
			.list()
			.stream()
			.map((id) -> this.stored.find(id).orElseThrow().document())
			.toList();
		double verifyBest = 0;
		for (int round = 1; round <= 10; round++) {
			double rate = verifyFor(documents, Duration.ofSeconds(10), 8);
			System.out.printf("BENCHMARK verify round %d: %.0f verifications/s (8 threads)%n", round, rate);
			if (round >= 5 && rate < verifyBest * 1.05) {
				break;
			}
			verifyBest = Math.max(verifyBest, rate);
		}
		System.out.printf("BENCHMARK verify, 2 threads: %.0f verifications/s%n",
				verifyFor(documents, Duration.ofSeconds(10), 2));
		cryptoOnly(documents.get(0));
	}

	/** SM2 alone, for scale: what is left of a second for everything else. */
	private void cryptoOnly(String document) throws Exception {
		byte[] content = document.getBytes(StandardCharsets.UTF_8);
		Signer.Signed signed = this.signer.sign(KeyName.LICENCES, content);
		var key = this.keys.key(KeyName.LICENCES, signed.keyId()).orElseThrow();
		for (int round = 0; round < 3; round++) {
			LongAdder signs = new LongAdder();
			LongAdder verifies = new LongAdder();
			long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			ExecutorService pool = Executors.newFixedThreadPool(2);
			for (int t = 0; t < 2; t++) {
				pool.submit(() -> {
					while (System.nanoTime() < end) {
						this.signer.sign(KeyName.LICENCES, content);
						signs.increment();
						assertThat(key.verifies(content, signed.signature())).isTrue();
						verifies.increment();
					}
				});
			}
			pool.shutdown();
			pool.awaitTermination(1, TimeUnit.MINUTES);
			System.out.printf("BENCHMARK SM2 only, 2 threads, sign+verify pairs: %.0f/s%n", signs.sum() / 5.0);
		}
	}

	private double verifyFor(List<String> documents, Duration duration, int threads) throws Exception {
		LongAdder done = new LongAdder();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> futures = new ArrayList<>();
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			futures.add(pool.submit(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				while (running.get()) {
					Verification verification = this.licences.verify(documents.get(random.nextInt(documents.size())));
					if (!verification.valid()) {
						throw new AssertionError(verification.failure());
					}
					done.increment();
				}
				return null;
			}));
		}
		Thread.sleep(duration.toMillis());
		running.set(false);
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
		return done.sum() / ((System.nanoTime() - start) / 1e9);
	}

	private List<ApplicationApproved> approveRestaurants() throws Exception {
		Bundle bundle = this.catalogue.bundle("restaurant").content();
		Map<String, Object> form = new HashMap<>();
		for (BundleField field : bundle.fields()) {
			form.put(field.name(), switch (field.type()) {
				case RESIDENT_ID -> OPERATOR;
				case CREDIT_CODE -> "91350100M000100Y43";
				case NUMBER -> 120;
				case DATE -> "2026-01-05";
				case BOOLEAN -> true;
				case ENUM -> field.options().get(0);
				case STRING -> "示范餐馆" + field.name();
			});
		}
		Map<String, String> uploads = MattersInProcess.uploaded(this.uploads,
				this.catalogue.materialsOf(bundle)
					.stream()
					.filter((needed) -> needed.material().source() == MaterialSource.UPLOAD)
					.map((needed) -> needed.material().code())
					.toArray(String[]::new));
		ConcurrentLinkedQueue<ApplicationApproved> approved = new ConcurrentLinkedQueue<>();
		AtomicInteger left = new AtomicInteger(APPLICATIONS);
		List<Integer> slots = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			slots.add(i);
		}
		parallel(8, slots, (slot) -> {
			for (int n = left.getAndDecrement(); n > 0; n = left.getAndDecrement()) {
				// each restaurant under a name of its own: the registry refuses a second
				// enterprise of the same name, and its bundle would wait for ever
				Map<String, Object> own = new HashMap<>(form);
				for (BundleField field : bundle.fields()) {
					if (field.type() == FieldType.STRING) {
						own.put(field.name(), "示范餐馆" + field.name() + n);
					}
				}
				Submission submission = new Submission(null, "restaurant", Subject.person(ResidentId.of(OPERATOR)),
						Channel.ONLINE, own, uploads);
				Application application = this.applications.submit(submission, Actor.applicant("applicant1"),
						UUID.randomUUID().toString());
				// the food permit and the fire check wait for the business licence
				Application done = MattersInProcess.approveUntilDone(this.applications, application);
				assertThat(done.status()).isEqualTo(ApplicationStatus.APPROVED);
				approved.add(new ApplicationApproved(done.id(), done.trackingNumber(), done.subject(), done.channel(),
						done.tasks()
							.stream()
							.map((task) -> new ApprovedItem(task.id(), task.plan().itemCode(),
									task.plan().itemVersion(), task.plan().departmentCode()))
							.toList(),
						done.finishedAt()));
			}
		});
		return new ArrayList<>(approved);
	}

	private long count() {
		return this.jdbc.sql("select count(*) from licences_licence").query(Long.class).single();
	}

	private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out");
			}
			Thread.sleep(200);
		}
	}

	private static <T> void parallel(int threads, List<T> work, java.util.function.Consumer<T> action)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger next = new AtomicInteger();
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			futures.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < work.size(); i = next.getAndIncrement()) {
					action.accept(work.get(i));
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
	}

}
