package org.onevisit.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault 4 of docs/reliability.md, the backup and restore drill: a database with a working
 * day's worth of filings, approvals, licences and ledger entries is dumped with
 * {@code pg_dump}, restored into a second server, and the access ledger verifies on the
 * copy with OneVisit's own {@code --verify-ledger}; an entry altered on the copy is then
 * named. Run with {@code ./mvnw -Pfaults test -Dtest=BackupRestoreDrillTest}.
 */
@Tag("fault")
class BackupRestoreDrillTest {

	private static final List<String> TABLES = List.of("applications_application", "applications_task",
			"applications_history", "licences_licence", "exchange_ledger", "exchange_ledger_checkpoint",
			"event_publication");

	@Test
	void theRestoredCopyHoldsEverythingAndItsLedgerVerifies() throws Exception {
		Assumptions.assumeTrue(LocalPostgres.installed(), "needs Debian's PostgreSQL: apt-get install -y postgresql");
		Path data = Path.of("target", "faults", "backup", "data").toAbsolutePath();
		try (LocalPostgres primary = LocalPostgres.create("backup");
				LocalPostgres copy = LocalPostgres.create("restore")) {
			Load load;
			try (Node node = Node.of("node", primary, data, "--onevisit.exchange.ledger.checkpoint-every=100")
				.start()) {
				load = new Load(List.of(node));
				load.start(4);
				Thread.sleep(Duration.ofSeconds(30).toMillis());
				load.stop();
				Census.awaitOutboxDrained(primary, Duration.ofMinutes(2));
			}

			Path dump = Path.of("target", "faults", "dumps", "onevisit.dump").toAbsolutePath();
			Files.createDirectories(dump.getParent());
			long dumpStart = System.nanoTime();
			primary.dump(dump);
			Duration dumped = Duration.ofNanos(System.nanoTime() - dumpStart);
			long restoreStart = System.nanoTime();
			copy.restore(dump);
			Duration restored = Duration.ofNanos(System.nanoTime() - restoreStart);

			Map<String, Long> original = counts(primary);
			Map<String, Long> restoredCounts = counts(copy);
			Node verifier = Node.of("verifier", copy, data);
			long verifyStart = System.nanoTime();
			Node.Exited verified = verifier.runToExit("--verify-ledger");
			Duration verifying = Duration.ofNanos(System.nanoTime() - verifyStart);

			long altered = alterOneLedgerEntry(copy);
			Node.Exited broken = verifier.runToExit("--verify-ledger");

			System.out.printf(
					"FAULT backup-drill: %d filings acknowledged; dump %d KiB in %d ms, restore in %d ms; rows %s on the"
							+ " primary, %s on the copy%n",
					load.acknowledged.size(), Files.size(dump) / 1024, dumped.toMillis(), restored.toMillis(), original,
					restoredCounts);
			System.out.printf("FAULT backup-drill: verifier on the copy, exit %d in %d ms (whole JVM): %s%n",
					verified.code(), verifying.toMillis(), lastLine(verified.output(), "Access ledger"));
			System.out.printf("FAULT backup-drill: entry %d altered on the copy, verifier exit %d: %s%n", altered,
					broken.code(), lastLine(broken.output(), "Access ledger"));

			assertThat(load.acknowledged).isNotEmpty();
			assertThat(original.get("exchange_ledger")).isPositive();
			assertThat(original.get("exchange_ledger_checkpoint")).isPositive();
			assertThat(restoredCounts).isEqualTo(original);
			assertThat(verified.code()).as(verified.output()).isZero();
			assertThat(lastLine(verified.output(), "Access ledger")).startsWith("Access ledger intact: ")
				.contains(original.get("exchange_ledger") + " entries");
			assertThat(broken.code()).isEqualTo(2);
			assertThat(lastLine(broken.output(), "Access ledger")).contains("BROKEN at entry " + altered);
		}
	}

	private static Map<String, Long> counts(LocalPostgres postgres) throws SQLException {
		Map<String, Long> counts = new LinkedHashMap<>();
		try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
			for (String table : TABLES) {
				try (ResultSet result = statement.executeQuery("select count(*) from " + table)) {
					result.next();
					counts.put(table, result.getLong(1));
				}
			}
		}
		return counts;
	}

	/**
	 * What someone with the database owner's rights could do on a copy: switch the
	 * append-only trigger off and change who read the data. Answers the entry's sequence.
	 */
	private static long alterOneLedgerEntry(LocalPostgres postgres) throws SQLException {
		try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
			statement.execute("alter table exchange_ledger disable trigger exchange_ledger_append_only");
			try (ResultSet result = statement.executeQuery("""
					update exchange_ledger set actor = 'someone-else'
					where seq = (select seq from exchange_ledger order by seq offset 10 limit 1)
					returning seq
					""")) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private static String lastLine(String output, String prefix) {
		return output.lines()
			.filter((line) -> line.startsWith(prefix))
			.reduce((first, second) -> second)
			.orElse(output);
	}

}
