package org.onevisit.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onevisit.faults.DatabaseOutageFaultTest.Probe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reliability.md, "Bounded waits": the database frozen, not dead (its postmaster and
 * every backend stopped with SIGSTOP, as a hung disk or a paused VM leaves it:
 * connections stay open and nothing answers or cancels) under load. Every request is
 * answered 503 within the bounded waits, none hangs; once the server runs again OneVisit
 * serves without a restart and nothing acknowledged is lost. Run with
 * {@code ./mvnw -Pfaults test -Dtest=DatabaseFreezeFaultTest}.
 */
@Tag("fault")
class DatabaseFreezeFaultTest {

	@Test
	void answers503WithinTwoSecondsWhileTheDatabaseIsFrozenAndNoRequestHangs() throws Exception {
		Path data = Path.of("target", "faults", "database-freeze", "data").toAbsolutePath();
		LocalPostgres.deleteRecursively(data);
		EmbeddedServer server = new EmbeddedServer(data);
		try (Node node = Node.embedded("node", data).start()) {
			Load load = new Load(List.of(node));
			String applicant = load.bearer("applicant1");
			load.start(4);
			Thread.sleep(Duration.ofSeconds(20).toMillis());

			// the load's slowest attempt from here on: those the freeze caught
			long slowestBefore = load.slowest.getThenReset();
			long unavailableBefore = load.serviceUnavailable.sum();
			List<Long> frozen = server.freeze();
			long stopped = System.nanoTime();
			List<Probe> probes = new ArrayList<>();
			try {
				while (System.nanoTime() - stopped < Duration.ofSeconds(20).toNanos()) {
					probes.add(Probe.of(node, "/api/v1/applications?mine", applicant));
					probes.add(Probe.of(node, "/my", null));
					probes.add(Probe.of(node, "/actuator/health", null));
					Thread.sleep(500);
				}
			}
			finally {
				server.thaw(frozen);
			}
			long thawed = System.nanoTime();
			long slowestWhileFrozen = load.slowest.get();
			long unavailableWhileFrozen = load.serviceUnavailable.sum() - unavailableBefore;
			Duration serving = Probe.untilServing(node, applicant);
			Thread.sleep(Duration.ofSeconds(20).toMillis());
			load.stop();

			Duration drained = Census.awaitOutboxDrained(server, Duration.ofMinutes(4));
			Census census = Census.take(server, load);
			long answered503 = probes.stream().filter((probe) -> probe.status() == 503).count();
			long slowestProbe = probes.stream().mapToLong(Probe::millis).max().orElse(0);
			System.out.printf(
					"FAULT database-freeze: PostgreSQL frozen (SIGSTOP of %d processes) %d s; %d probes: %d answered"
							+ " 503, slowest %d ms; the load's slowest attempt %d ms before the freeze and %d ms"
							+ " with it, %d load attempts answered 503 meanwhile; serving again %d ms after the thaw%n",
					frozen.size(), Duration.ofNanos(thawed - stopped).toSeconds(), probes.size(), answered503,
					slowestProbe, slowestBefore, slowestWhileFrozen, unavailableWhileFrozen, serving.toMillis());
			System.out.printf(
					"FAULT database-freeze: requests %d (503 answers %d, other failed attempts %d, gave up %d,"
							+ " matters refused %d, first: %s);"
							+ " filings acknowledged %d, found %d, lost %d, duplicates %d; incomplete publications %d"
							+ " (drained %d s after the load)%n",
					load.requests.sum(), load.serviceUnavailable.sum(),
					load.failedAttempts.sum() - load.serviceUnavailable.sum(), load.gaveUp.sum(), load.refused.sum(),
					load.firstRefusal.get(), load.acknowledged.size(), census.acknowledgedFound(),
					load.acknowledged.size() - census.acknowledgedFound(), census.duplicates(),
					census.incompletePublications(), drained.toSeconds());

			assertThat(probes).isNotEmpty()
				.allSatisfy((probe) -> assertThat(probe.status()).as(probe.toString()).isEqualTo(503));
			assertThat(probes).filteredOn((probe) -> probe.path().startsWith("/api/"))
				.allSatisfy((probe) -> assertThat(probe.body()).contains("\"code\":\"database_unavailable\""));
			// the documented bound is 1 to 2 s: the watch notices within its interval and
			// timeout (0.5 + 1 s) and from then on answers at once (1,259 ms at load
			// average 33 to 41 on two cores, docs/reliability.md)
			assertThat(slowestProbe).as("answered within the bound").isLessThan(2_000);
			// a request in flight at the freeze: cut by the watch, at the latest by the
			// socket
			// timeout (7 s)
			assertThat(slowestWhileFrozen).as("no request hangs").isLessThan(10_000);
			assertThat(census.acknowledgedFound()).as("lost").isEqualTo(load.acknowledged.size());
			assertThat(census.duplicates()).as("duplicates").isZero();
			assertThat(census.incompletePublications()).as("incomplete publications").isZero();
			assertThat(load.gaveUp.sum()).isZero();
			assertThat(load.refused.sum()).as("refused: " + load.firstRefusal.get()).isZero();
		}
	}

}
