package org.onevisit.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault 1 of docs/reliability.md: two nodes on one PostgreSQL under a steady load of
 * filings and approvals; one node is killed with SIGKILL mid-load and started again while
 * the clients retry what was not acknowledged. Run with
 * {@code ./mvnw -Pfaults test -Dtest=NodeCrashFaultTest}.
 */
@Tag("fault")
class NodeCrashFaultTest {

	@Test
	void losesNothingAndDuplicatesNothingWhenANodeIsKilledMidLoad() throws Exception {
		try (LocalPostgres postgres = LocalPostgres.create("node-crash")) {
			Path data = Path.of("target", "faults", "node-crash", "data").toAbsolutePath();
			try (Node a = Node.of("node-a", postgres, data).start();
					Node b = Node.of("node-b", postgres, data).start()) {
				Load load = new Load(List.of(a, b));
				load.start(8);
				Thread.sleep(Duration.ofSeconds(30).toMillis());

				a.kill();
				long killed = System.nanoTime();
				// publications node-a had taken on and not completed: node-b resubmits
				// them once they are a minute old, node-a at its restart
				long incompleteAtKill = Census.incompletePublications(postgres);
				System.out.printf("FAULT node-crash: node-a killed (SIGKILL) after %d acknowledged filings%n",
						load.acknowledged.size());
				Thread.sleep(Duration.ofSeconds(5).toMillis());
				a.start();
				Duration back = Duration.ofNanos(System.nanoTime() - killed);
				Thread.sleep(Duration.ofSeconds(30).toMillis());
				load.stop();

				Duration drained = Census.awaitOutboxDrained(postgres, Duration.ofMinutes(4));
				Census census = Census.take(postgres, load);
				System.out.printf(
						"FAULT node-crash: requests %d (failed attempts retried %d, gave up %d); filings acknowledged %d,"
								+ " found %d (acknowledged and found %d), lost %d, duplicates %d; approved %d,"
								+ " licence duplicates %d, approved without licence %d; incomplete publications %d"
								+ " (%d incomplete right after the kill; outbox drained %d s after the load);"
								+ " node-a answering again %d s after the kill%n",
						load.requests.sum(), load.failedAttempts.sum(), load.gaveUp.sum(), load.acknowledged.size(),
						census.found(), census.acknowledgedFound(),
						load.acknowledged.size() - census.acknowledgedFound(), census.duplicates(), census.approved(),
						census.licenceDuplicates(), census.approvedWithoutLicences(), census.incompletePublications(),
						incompleteAtKill, drained.toSeconds(), back.toSeconds());

				assertThat(load.acknowledged).isNotEmpty();
				assertThat(load.failedAttempts.sum()).as("the kill cut requests off").isPositive();
				census.assertEveryAcknowledgedFilingKeptOnce(load);
			}
		}
	}

}
