package org.onevisit.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reliability.md, "Backup and restore drill": backups as production takes them, on
 * the PostgreSQL major version OneVisit embeds and production runs (17). OneVisit in its
 * default mode with WAL archiving on takes load; a base backup is taken while the load
 * runs ({@link PhysicalBackup}); more load; then one filing, a moment, a second filing.
 * The base backup and the archive are restored into a new directory to that moment: the
 * restored database holds the first filing and not the second, the access ledger verifies
 * on it with {@code --verify-ledger}, and the transparency log with OneVisit's own
 * verification, run by a node started on the copy. Finally one ledger entry is altered on
 * the copy and the verifier names it. Run with
 * {@code ./mvnw -Pfaults test -Dtest=BackupRestoreDrillTest}.
 */
@Tag("fault")
class BackupRestoreDrillTest {

	@Test
	void restoresToAMomentBetweenTwoFilingsAndTheLedgerAndTheLogVerify() throws Exception {
		Path root = Path.of("target", "faults", "backup").toAbsolutePath();
		LocalPostgres.deleteRecursively(root);
		Path data = root.resolve("data");
		Path archive = root.resolve("wal-archive");
		Path backup = root.resolve("base-backup");
		EmbeddedServer server = new EmbeddedServer(data);
		Load load;
		Duration backupTook;
		OffsetDateTime between;
		String first;
		String second;
		Path binaries;
		try (Node node = Node
			.embedded("node", data, "--onevisit.db.embedded.settings[archive_mode]=on",
					"--onevisit.exchange.ledger.checkpoint-every=50",
					// the demo's catalogue of real size is left out, as in the suite:
					// demo
					// data, and minutes of the node's start on a shared machine
					"--onevisit.demo-catalogue.generated=false")
			.start()) {
			PhysicalBackup.archiveInto(server, archive);
			binaries = server.binaries();
			load = new Load(List.of(node));
			load.start(4);
			Thread.sleep(Duration.ofSeconds(15).toMillis());
			// online: the load goes on while the data directory is copied
			backupTook = PhysicalBackup.take(server, server.directory(), backup);
			Thread.sleep(Duration.ofSeconds(15).toMillis());
			load.stop();
			Census.awaitOutboxDrained(server, Duration.ofMinutes(2));

			first = load.fileAndApprove(load.markPrefix() + "first");
			Census.awaitOutboxDrained(server, Duration.ofMinutes(2));
			between = PhysicalBackup.now(server);
			Thread.sleep(1000);
			second = load.fileAndApprove(load.markPrefix() + "second");
			PhysicalBackup.archiveCurrentSegment(server, Duration.ofMinutes(2));
		}

		long restoreStart = System.nanoTime();
		try (PhysicalBackup.Restored copy = PhysicalBackup.Restored.to(between, backup, archive,
				root.resolve("restored"), binaries)) {
			Duration restored = Duration.ofNanos(System.nanoTime() - restoreStart);
			long firstFound = copy.count("applications_application", List.of(first));
			long secondFound = copy.count("applications_application", List.of(second));
			long acknowledgedBefore = copy.count("applications_application",
					load.acknowledged.values().stream().filter((id) -> !id.equals(second)).toList());

			Node verifier = Node.external("verifier", copy.jdbcUrl(), data);
			Node.Exited ledger = verifier.runToExit("--verify-ledger");
			String log;
			try (Node restoredNode = Node
				.external("restored", copy.jdbcUrl(), data, "--onevisit.demo-catalogue.generated=false")
				.start()) {
				log = logVerification(restoredNode, Load.bearerFrom(restoredNode, "admin1"));
			}
			long altered = alterOneLedgerEntry(copy);
			Node.Exited broken = verifier.runToExit("--verify-ledger");

			System.out.printf(
					"FAULT backup-drill: PostgreSQL %s; %d filings acknowledged; base backup (online, under load) %d MiB"
							+ " in %d ms; WAL archive %d segments; restored to %s (between the two filings) in %d ms%n",
					copy.version(), load.acknowledged.size(), size(backup) / (1024 * 1024), backupTook.toMillis(),
					segments(archive), between, restored.toMillis());
			System.out.printf(
					"FAULT backup-drill: on the copy the first filing %s, the second %s; %d of the %d filings"
							+ " acknowledged before it%n",
					(firstFound == 1) ? "present" : "MISSING", (secondFound == 0) ? "absent" : "PRESENT",
					acknowledgedBefore, load.acknowledged.size() - 1);
			System.out.printf("FAULT backup-drill: ledger on the copy, exit %d: %s%n", ledger.code(),
					lastLine(ledger.output(), "Access ledger"));
			System.out.printf("FAULT backup-drill: transparency log on the copy: %s%n", log);
			System.out.printf("FAULT backup-drill: entry %d altered on the copy, verifier exit %d: %s%n", altered,
					broken.code(), lastLine(broken.output(), "Access ledger"));

			assertThat(firstFound).as("the first filing, before the moment").isEqualTo(1);
			assertThat(secondFound).as("the second filing, after the moment").isZero();
			assertThat(acknowledgedBefore).as("every filing acknowledged before the moment")
				.isEqualTo(load.acknowledged.size() - 1);
			assertThat(ledger.code()).as(ledger.output()).isZero();
			assertThat(lastLine(ledger.output(), "Access ledger")).startsWith("Access ledger intact: ");
			assertThat(log).contains("\"intact\":true");
			assertThat(broken.code()).isEqualTo(2);
			assertThat(lastLine(broken.output(), "Access ledger")).contains("BROKEN at entry " + altered);
		}
	}

	private static String logVerification(Node node, String bearer) throws Exception {
		HttpResponse<String> verification = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/admin/log/verification"))
				.header("Authorization", bearer)
				.timeout(Duration.ofMinutes(2))
				.build(), HttpResponse.BodyHandlers.ofString());
		return verification.statusCode() + " " + verification.body();
	}

	/**
	 * What someone with the database owner's rights could do on a copy: switch the
	 * append-only trigger off and change who read the data, in the middle of the chain.
	 * Answers the entry's sequence.
	 */
	private static long alterOneLedgerEntry(Database postgres) throws SQLException {
		try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
			statement.execute("alter table exchange_ledger disable trigger exchange_ledger_append_only");
			try (ResultSet result = statement.executeQuery("""
					update exchange_ledger set actor = 'someone-else'
					where seq = (select seq from exchange_ledger order by seq
					             offset (select count(*) / 2 from exchange_ledger) limit 1)
					returning seq
					""")) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private static long size(Path directory) throws Exception {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
		}
	}

	private static long segments(Path archive) throws Exception {
		try (Stream<Path> files = Files.list(archive)) {
			return files.count();
		}
	}

	private static String lastLine(String output, String prefix) {
		return output.lines()
			.filter((line) -> line.startsWith(prefix))
			.reduce((first, second) -> second)
			.orElse(output);
	}

}
