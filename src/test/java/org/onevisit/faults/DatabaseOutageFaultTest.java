package org.onevisit.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault 2 of docs/reliability.md: PostgreSQL stopped in immediate mode (as by a power
 * cut) under load and started again. While it is down both nodes answer 503 at once, with
 * a problem body and {@code Retry-After}; afterwards they serve again without a restart,
 * and nothing acknowledged is lost. Run with
 * {@code ./mvnw -Pfaults test -Dtest=DatabaseOutageFaultTest}.
 */
@Tag("fault")
class DatabaseOutageFaultTest {

	@Test
	void answers503FastWhileTheDatabaseIsDownAndRecoversWithoutARestart() throws Exception {
		try (LocalPostgres postgres = LocalPostgres.create("database-outage")) {
			Path data = Path.of("target", "faults", "database-outage", "data").toAbsolutePath();
			try (Node a = Node.of("node-a", postgres, data).start();
					Node b = Node.of("node-b", postgres, data).start()) {
				Load load = new Load(List.of(a, b));
				String applicant = load.bearer("applicant1");
				load.start(8);
				Thread.sleep(Duration.ofSeconds(20).toMillis());

				postgres.stopImmediately();
				long stopped = System.nanoTime();
				long acknowledgedBefore = load.acknowledged.size();
				List<Probe> down = new ArrayList<>();
				while (System.nanoTime() - stopped < Duration.ofSeconds(20).toNanos()) {
					for (Node node : List.of(a, b)) {
						down.add(Probe.of(node, "/api/v1/applications?mine", applicant));
						down.add(Probe.of(node, "/my", null));
						// what a load balancer asks
						down.add(Probe.of(node, "/actuator/health", null));
					}
					Thread.sleep(500);
				}

				postgres.start();
				long started = System.nanoTime();
				Duration recoveredA = Probe.untilServing(a, applicant);
				Duration recoveredB = Probe.untilServing(b, applicant);
				Duration outage = Duration.ofNanos(started - stopped);
				Thread.sleep(Duration.ofSeconds(20).toMillis());
				load.stop();

				Duration drained = Census.awaitOutboxDrained(postgres, Duration.ofMinutes(4));
				Census census = Census.take(postgres, load);
				long unavailable = down.stream().filter((probe) -> probe.status() == 503).count();
				long slowest = down.stream().mapToLong(Probe::millis).max().orElse(0);
				System.out.printf(
						"FAULT database-outage: PostgreSQL down %d s; %d probes while down: %d answered 503 (API and pages with Retry-After, health DOWN),"
								+ " slowest %d ms; node-a serving again %d ms and node-b %d ms after PostgreSQL started,"
								+ " without a restart%n",
						outage.toSeconds(), down.size(), unavailable, slowest, recoveredA.toMillis(),
						recoveredB.toMillis());
				System.out.printf(
						"FAULT database-outage: requests %d (503 answers %d, other failed attempts %d, gave up %d);"
								+ " filings acknowledged %d (%d before the stop), found %d, lost %d, duplicates %d;"
								+ " incomplete publications %d (drained %d s after the load)%n",
						load.requests.sum(), load.serviceUnavailable.sum(),
						load.failedAttempts.sum() - load.serviceUnavailable.sum(), load.gaveUp.sum(),
						load.acknowledged.size(), acknowledgedBefore, census.acknowledgedFound(),
						load.acknowledged.size() - census.acknowledgedFound(), census.duplicates(),
						census.incompletePublications(), drained.toSeconds());

				assertThat(down).isNotEmpty()
					.allSatisfy((probe) -> assertThat(probe.status()).as(probe.toString()).isEqualTo(503));
				assertThat(down).filteredOn((probe) -> !probe.path().startsWith("/actuator/"))
					.allSatisfy((probe) -> assertThat(probe.retryAfter()).isEqualTo("5"));
				assertThat(down).filteredOn((probe) -> probe.path().startsWith("/api/"))
					.allSatisfy((probe) -> assertThat(probe.body()).contains("\"code\":\"database_unavailable\""));
				assertThat(slowest).as("answered fast").isLessThan(5_000);
				assertThat(load.acknowledged.size()).isGreaterThan((int) acknowledgedBefore);
				census.assertEveryAcknowledgedFilingKeptOnce(load);
			}
		}
	}

	/** One request while the database is down: its answer and how long it took. */
	record Probe(String node, String path, int status, String retryAfter, String body, long millis) {

		private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

		static Probe of(Node node, String path, String authorization) throws InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base() + path))
				.timeout(Duration.ofSeconds(30));
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			long start = System.nanoTime();
			try {
				HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
				return new Probe(node.name(), path, response.statusCode(),
						response.headers().firstValue("Retry-After").orElse(null), response.body(),
						(System.nanoTime() - start) / 1_000_000);
			}
			catch (IOException ex) {
				return new Probe(node.name(), path, -1, null, ex.toString(), (System.nanoTime() - start) / 1_000_000);
			}
		}

		/** How long until the node answers the applicant's list with 200 again. */
		static Duration untilServing(Node node, String authorization) throws InterruptedException {
			long start = System.nanoTime();
			while (System.nanoTime() - start < Duration.ofMinutes(2).toNanos()) {
				if (of(node, "/api/v1/applications?mine", authorization).status() == 200) {
					return Duration.ofNanos(System.nanoTime() - start);
				}
				Thread.sleep(100);
			}
			throw new IllegalStateException(node.name() + " did not recover in two minutes");
		}

	}

}
