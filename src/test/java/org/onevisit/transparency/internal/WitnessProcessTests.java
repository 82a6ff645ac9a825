package org.onevisit.transparency.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.onevisit.Superuser;
import org.onevisit.signing.KeyName;
import org.onevisit.transparency.LogEntry;
import org.onevisit.transparency.tlog.Checkpoint;
import org.onevisit.transparency.tlog.SignedNote;
import org.onevisit.transparency.witness.Witness;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The witness as another body runs it: a separate process with nothing but OneVisit's
 * classes and BouncyCastle on its class path, the log's public URL and its public key. It
 * cosigns what it accepts, the cosignature appears beside the checkpoint on the log's
 * page, and when a superuser rewrites an entry it exits 2 naming it.
 */
class WitnessProcessTests extends LogOverHttp {

	private static final String NAME = "court.example/witness";

	private static final LogFixtures.TestWitness WITNESS = new LogFixtures.TestWitness(NAME,
			"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");

	@DynamicPropertySource
	static void witnesses(DynamicPropertyRegistry registry) {
		WITNESS.register(registry);
	}

	@Autowired
	DataSource dataSource;

	@Test
	void aWitnessInItsOwnProcessCosignsWhatTheLogShowsAndExitsNamingARewrittenEntry() throws Exception {
		record(600);
		long signed = awaitCheckpoint(600);
		assertThat(page("")).contains(NAME).contains("尚未加签");

		Run accepted = witness();

		assertThat(accepted.exit()).as(accepted.output()).isZero();
		String note = new String(
				LogFixtures.get(this.server.port(), "/api/v1/log/proofs/inclusion?index=0&size=" + signed).body(),
				StandardCharsets.UTF_8);
		assertThat(note).containsAnyOf("\\u2014 " + NAME + " ", "\u2014 " + NAME + " ");
		String page = page("");
		assertThat(page).contains(NAME).doesNotContain("尚未加签").contains("见证方加签");
		assertThat(page("?lang=en")).contains("Witnesses&#39; countersignatures").contains(NAME);

		// a superuser rewrites entry 17 and rebuilds every tile and the tree's row
		Superuser superuser = Superuser.of(this.dataSource);
		superuser.inTransaction(() -> {
			superuser.jdbc()
				.sql("select pg_advisory_xact_lock(:lock)")
				.param("lock", LogTables.SEQUENCER_LOCK)
				.query(Object.class)
				.single();
			superuser.jdbc()
				.sql("update transparency_entry set entry = :entry where idx = 17")
				.param("entry",
						LogEntry.dataAccess(17_000_017, new byte[32], "population", "nr", "DELIVERED", Instant.now())
							.encode())
				.update();
			LogFixtures.rebuildTheTree(superuser.jdbc());
			return null;
		});

		Run alarmed = witness();

		assertThat(alarmed.exit()).as(alarmed.output()).isEqualTo(2);
		assertThat(alarmed.output()).contains("the first entry that changed is 17");
	}

	record Run(int exit, String output) {
	}

	/**
	 * {@code java -cp target/classes:bcprov.jar org.onevisit.transparency.witness.Witness
	 * --once …}, as documented in docs/transparency-log.md.
	 */
	private Run witness() throws IOException, InterruptedException {
		String classPath = location(Witness.class) + File.pathSeparator + location(Ed25519Signer.class);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
						Witness.class.getName(), "--log", this.server.base(), "--log-key",
						this.keys.keys(KeyName.LOG).get(0).key().hex(), "--origin", LogFixtures.ORIGIN, "--name", NAME,
						"--dir", WITNESS.directory().toString(), "--once"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("the witness did not finish within 120 s: " + output);
		}
		return new Run(process.exitValue(), output);
	}

	private static String location(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String page(String query) {
		var answer = LogFixtures.get(this.server.port(), "/log" + query);
		assertThat(answer.statusCode()).isEqualTo(200);
		return new String(answer.body(), StandardCharsets.UTF_8);
	}

	private void record(int entries) {
		List<LogEntry> batch = new ArrayList<>();
		for (int i = 0; i < entries; i++) {
			batch.add(LogEntry.dataAccess(800_000 + i, new byte[32], "population", "nr", "DELIVERED", Instant.now()));
		}
		this.transactions.executeWithoutResult((status) -> this.log.record(batch));
	}

	private long awaitCheckpoint(long atLeast) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			SignedNote note = servedCheckpoint();
			if (note != null && Checkpoint.parse(note.text()).size() >= atLeast) {
				return Checkpoint.parse(note.text()).size();
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no checkpoint of " + atLeast + " entries within 60 s");
	}

}
