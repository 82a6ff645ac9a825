package org.onevisit.transparency.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitServer;
import org.onevisit.Superuser;
import org.onevisit.signing.KeyName;
import org.onevisit.signing.SigningKeys;
import org.onevisit.transparency.LogEntry;
import org.onevisit.transparency.LogVerification;
import org.onevisit.transparency.LogVerification.Problem;
import org.onevisit.transparency.TransparencyLog;
import org.onevisit.transparency.witness.Witness;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault test of issue 26: while entries keep arriving, a database superuser rewrites
 * an entry in the middle and then deletes the newest ten, each time rebuilding every tile
 * and the tree's row as the formats allow; the outside witness and OneVisit's own
 * verification both catch it and name the entry. Its own database: it breaks the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onevisit.transparency.batch-interval=PT0.1S",
				"onevisit.transparency.checkpoint-interval=PT0.2S", "onevisit.transparency.batch-size=5000" })
class TransparencyLogFaultTests {

	private static final String SEED = "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7";

	private static final Path WITNESS_DIR = LogFixtures.witnessDirectory(SEED);

	@DynamicPropertySource
	static void witnesses(DynamicPropertyRegistry registry) {
		registry.add("onevisit.transparency.witnesses", () -> LogFixtures.vkey(LogFixtures.WITNESS_NAME, SEED));
	}

	@Autowired
	OneVisitServer server;

	@Autowired
	TransparencyLog log;

	@Autowired
	PublicLog publicLog;

	@Autowired
	Sequencer sequencer;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SigningKeys keys;

	@Autowired
	DataSource dataSource;

	private Superuser superuser;

	@BeforeEach
	void superuser() {
		this.superuser = Superuser.of(this.dataSource);
	}

	@Test
	void theWitnessAndTheVerificationNameARewrittenEntryAndTheRemovedNewestOnesUnderLoad() throws Exception {
		AtomicBoolean loading = new AtomicBoolean(true);
		AtomicLong written = new AtomicLong();
		Thread load = new Thread(() -> {
			while (loading.get()) {
				List<LogEntry> batch = new ArrayList<>();
				for (int i = 0; i < 50; i++) {
					batch.add(LogEntry.dataAccess(written.incrementAndGet(), new byte[32], "population", "nr",
							"DELIVERED", Instant.now()));
				}
				this.transactions.executeWithoutResult((status) -> this.log.record(batch));
			}
		});
		load.start();
		try {
			awaitSize(3_000, true);
			Witness witness = new Witness(URI.create(this.server.base()), "onevisit.example/log",
					this.keys.keys(KeyName.LOG).get(0).key().hex(), LogFixtures.WITNESS_NAME, WITNESS_DIR);
			Witness.Outcome accepted = witness.poll();
			assertThat(accepted.ok()).as(accepted.message()).isTrue();
			assertThat(this.publicLog.verify().intact()).isTrue();

			// entry 1234 rewritten, everything rebuilt around it
			long middle = 1_234;
			byte[] original = asSuperuser(() -> {
				byte[] was = this.superuser.jdbc()
					.sql("select entry from transparency_entry where idx = :idx")
					.param("idx", middle)
					.query(byte[].class)
					.single();
				this.superuser.jdbc()
					.sql("update transparency_entry set entry = :entry where idx = :idx")
					.param("entry",
							LogEntry.dataAccess(999_999, new byte[32], "population", "nr", "DELIVERED", Instant.now())
								.encode())
					.param("idx", middle)
					.update();
				LogFixtures.rebuildTheTree(this.superuser.jdbc());
				return was;
			});
			Witness.Outcome rewritten = witness.poll();
			LogVerification verification = this.publicLog.verify();

			assertThat(rewritten.ok()).isFalse();
			assertThat(rewritten.message()).contains("the first entry that changed is 1234");
			assertThat(verification.intact()).isFalse();
			assertThat(verification.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
			assertThat(verification.firstBad()).isLessThanOrEqualTo(middle);
			assertThat(verification.lastBad()).isGreaterThanOrEqualTo(middle);

			// put back as it was: the log verifies and signs again
			asSuperuser(() -> {
				this.superuser.jdbc()
					.sql("update transparency_entry set entry = :entry where idx = :idx")
					.param("entry", original)
					.param("idx", middle)
					.update();
				LogFixtures.rebuildTheTree(this.superuser.jdbc());
				return null;
			});
			assertThat(this.publicLog.verify().intact()).isTrue();
			awaitSize(accepted.size() + 500, true);
			Witness.Outcome restored = witness.poll();
			assertThat(restored.ok()).as(restored.message()).isTrue();

			// the newest ten entries of the signed tree deleted, everything rebuilt
			long signed = restored.size();
			AtomicLong latestSignedThen = new AtomicLong();
			asSuperuser(() -> {
				latestSignedThen.set(this.superuser.jdbc()
					.sql("select max(size) from transparency_checkpoint")
					.query(Long.class)
					.single());
				this.superuser.jdbc()
					.sql("delete from transparency_entry where idx >= :from")
					.param("from", signed - 10)
					.update();
				LogFixtures.rebuildTheTree(this.superuser.jdbc());
				return null;
			});
			awaitSize(signed + 500, false);
			Witness.Outcome shrunk = witness.poll();
			LogVerification removed = this.publicLog.verify();

			assertThat(shrunk.ok()).isFalse();
			assertThat(shrunk.message()).contains("entry that changed is " + (signed - 10));
			assertThat(removed.intact()).isFalse();
			assertThat(removed.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
			assertThat(removed.firstBad()).isLessThanOrEqualTo(signed - 10);
			assertThat(removed.lastBad()).isGreaterThanOrEqualTo(signed - 10);
			assertThat(removed.checkpoint()).isLessThanOrEqualTo(signed);
			assertThat(latestSignedThen.get())
				.isEqualTo(this.jdbc.sql("select max(size) from transparency_checkpoint").query(Long.class).single())
				.as("nothing more is signed over a rewritten tree");
		}
		finally {
			loading.set(false);
			load.join();
		}
	}

	@FunctionalInterface
	private interface Work<T> {

		T run();

	}

	/**
	 * Holds the sequencer's lock meanwhile, as an attacker who knows the system would.
	 */
	private <T> T asSuperuser(Work<T> work) {
		return this.superuser.inTransaction(() -> {
			this.superuser.jdbc()
				.sql("select pg_advisory_xact_lock(:lock)")
				.param("lock", LogTables.SEQUENCER_LOCK)
				.query(Object.class)
				.single();
			return work.run();
		});
	}

	private void awaitSize(long size, boolean signedToo) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			long now = this.jdbc.sql("select size from transparency_tree").query(Long.class).single();
			long signed = this.jdbc.sql("select coalesce(max(size), 0) from transparency_checkpoint")
				.query(Long.class)
				.single();
			if (now >= size && (!signedToo || signed >= size)) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("the log did not reach " + size + " signed entries within 60 s");
	}

}
