package org.onevisit.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reliability.md, "The embedded mode recovers by itself": OneVisit in its default
 * mode (its own embedded PostgreSQL kept in the data directory) under load. First
 * OneVisit is killed with SIGKILL, which leaves its PostgreSQL running, and started again
 * with the same command: it stops the server left behind and comes up. Then the embedded
 * postmaster is killed with SIGKILL: OneVisit starts it again (crash recovery from the
 * WAL) and serves without a restart. Nothing acknowledged is lost or duplicated. Run with
 * {@code ./mvnw -Pfaults test -Dtest=EmbeddedRecoveryFaultTest}.
 */
@Tag("fault")
class EmbeddedRecoveryFaultTest {

	@Test
	void comesBackByItselfWhenOneVisitAndThenItsEmbeddedDatabaseAreKilledUnderLoad() throws Exception {
		Path data = Path.of("target", "faults", "embedded-recovery", "data").toAbsolutePath();
		LocalPostgres.deleteRecursively(data);
		EmbeddedServer server = new EmbeddedServer(data);
		try (Node node = Node.embedded("node", data).start()) {
			// a restart takes minutes on a busy machine: the clients wait as long
			Load load = new Load(List.of(node), Duration.ofMinutes(8));
			String applicant = load.bearer("applicant1");
			load.start(4);
			Thread.sleep(Duration.ofSeconds(20).toMillis());

			node.kill();
			long killed = System.nanoTime();
			ProcessHandle leftBehind = server.postmaster().orElseThrow();
			int acknowledgedAtTheKill = load.acknowledged.size();
			node.start();
			Duration nodeBack = Duration.ofNanos(System.nanoTime() - killed);
			boolean leftBehindStopped = ProcessHandle.of(leftBehind.pid()).isEmpty();
			Thread.sleep(Duration.ofSeconds(20).toMillis());

			int acknowledgedAtTheCrash = load.acknowledged.size();
			long crashed = server.kill();
			long died = System.nanoTime();
			Duration serving = DatabaseOutageFaultTest.Probe.untilServing(node, applicant);
			Duration databaseBack = Duration.ofNanos(System.nanoTime() - died);
			long restarted = server.postmaster().orElseThrow().pid();
			Thread.sleep(Duration.ofSeconds(20).toMillis());
			load.stop();

			Duration drained = Census.awaitOutboxDrained(server, Duration.ofMinutes(4));
			Census census = Census.take(server, load);
			System.out.printf(
					"FAULT embedded-recovery: OneVisit killed after %d acknowledged filings, its PostgreSQL %d left"
							+ " running; started again with the same command and serving %d s after the kill (server"
							+ " left behind stopped: %s)%n",
					acknowledgedAtTheKill, leftBehind.pid(), nodeBack.toSeconds(), leftBehindStopped);
			System.out.printf(
					"FAULT embedded-recovery: postmaster %d killed after %d acknowledged filings; started again as %d,"
							+ " OneVisit serving %d ms after the kill, without a restart%n",
					crashed, acknowledgedAtTheCrash, restarted, databaseBack.toMillis());
			System.out.printf(
					"FAULT embedded-recovery: requests %d (503 answers %d, other failed attempts %d, gave up %d,"
							+ " matters refused %d, first: %s);"
							+ " filings acknowledged %d, found %d, lost %d, duplicates %d; approved %d, licence"
							+ " duplicates %d, approved without licence %d; incomplete publications %d (drained %d s"
							+ " after the load)%n",
					load.requests.sum(), load.serviceUnavailable.sum(),
					load.failedAttempts.sum() - load.serviceUnavailable.sum(), load.gaveUp.sum(), load.refused.sum(),
					load.firstRefusal.get(), load.acknowledged.size(), census.acknowledgedFound(),
					load.acknowledged.size() - census.acknowledgedFound(), census.duplicates(), census.approved(),
					census.licenceDuplicates(), census.approvedWithoutLicences(), census.incompletePublications(),
					drained.toSeconds());

			assertThat(leftBehindStopped).as("the server left behind was stopped").isTrue();
			assertThat(restarted).isNotEqualTo(crashed);
			assertThat(load.acknowledged.size()).as("filed after both faults").isGreaterThan(acknowledgedAtTheCrash);
			assertThat(acknowledgedAtTheKill).isPositive();
			census.assertEveryAcknowledgedFilingKeptOnce(load);
		}
	}

}
