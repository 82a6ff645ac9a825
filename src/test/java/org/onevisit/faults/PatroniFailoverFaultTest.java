package org.onevisit.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onevisit.faults.DatabaseOutageFaultTest.Probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue 30, point 3: PostgreSQL highly available as production runs it (Patroni, etcd, a
 * primary and a synchronous standby, from Debian's packages), two OneVisit nodes on a
 * multi-host JDBC URL ({@code targetServerType=primary}) under load. The primary's
 * postmaster is killed with SIGKILL: Patroni promotes the standby, the nodes find the new
 * primary by themselves, and nothing acknowledged is lost or duplicated, because every
 * commit waited for the standby. Then a planned switchover under load, which should cost
 * no 5xx at all. Run with {@code ./mvnw -Pfaults test -Dtest=PatroniFailoverFaultTest};
 * needs {@code apt-get install -y patroni etcd-server postgresql}.
 */
@Tag("fault")
class PatroniFailoverFaultTest {

	static final String CONNECTION_TIMEOUT = "5s";

	@Test
	void promotesTheSynchronousStandbyWhenThePrimaryDiesAndLosesNothingAcknowledged() throws Exception {
		String missing = PatroniCluster.missing();
		if (!missing.isEmpty()) {
			String needs = "needs Debian's packages: apt-get install -y " + missing;
			if ("true".equals(System.getenv("CI"))) {
				fail(needs);
			}
			Assumptions.abort(needs);
		}
		try (PatroniCluster cluster = PatroniCluster.start("patroni-failover")) {
			Path data = Path.of("target", "faults", "patroni-failover", "data").toAbsolutePath();
			String[] roles = { "--onevisit.db.user=onevisit_app",
					"--onevisit.db.password=" + PatroniCluster.APPLICATION_PASSWORD,
					"--onevisit.db.owner-user=onevisit_owner",
					"--onevisit.db.owner-password=" + PatroniCluster.OWNER_PASSWORD,
					// a request waits this long for a primary: longer than a switchover's
					// moment without one (docs/deployment.md)
					"--onevisit.db.connection-timeout=" + CONNECTION_TIMEOUT };
			try (Node a = Node.external("node-a", cluster.jdbcUrl(), data, roles).start();
					Node b = Node.external("node-b", cluster.jdbcUrl(), data, roles).start()) {
				Load load = new Load(List.of(a, b));
				String applicant = load.bearer("applicant1");
				load.start(8);
				Thread.sleep(Duration.ofSeconds(20).toMillis());

				// the failure: the primary's server dies, every process of it
				Window failover = new Window(load);
				String crashed = cluster.killPrimaryServer();
				long killed = System.nanoTime();
				String promoted = cluster.other(crashed);
				while (!promoted.equals(cluster.primary())) {
					assertThat(System.nanoTime() - killed).as("a new primary within two minutes")
						.isLessThan(Duration.ofMinutes(2).toNanos());
					Thread.sleep(100);
				}
				Duration withoutPrimary = Duration.ofNanos(System.nanoTime() - killed);
				Duration servingA = Probe.untilServing(a, applicant).plus(withoutPrimary);
				Duration servingB = Probe.untilServing(b, applicant).plus(withoutPrimary);
				failover.close();
				cluster.awaitSynchronous(Duration.ofMinutes(3));
				Duration synchronousAgain = Duration.ofNanos(System.nanoTime() - killed);
				long acknowledgedAtFailover = load.acknowledged.size();
				Thread.sleep(Duration.ofSeconds(20).toMillis());

				// the planned switchover back, under the same load
				Window switchover = new Window(load);
				long asked = System.nanoTime();
				CompletableFuture<Void> switched = CompletableFuture.runAsync(() -> {
					try {
						cluster.switchover(promoted, crashed);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
				long gone = 0;
				while (!crashed.equals(cluster.primary())) {
					if (gone == 0 && !promoted.equals(cluster.primary())) {
						gone = System.nanoTime();
					}
					assertThat(System.nanoTime() - asked).as("switched within two minutes")
						.isLessThan(Duration.ofMinutes(2).toNanos());
					Thread.sleep(50);
				}
				Duration switchoverGap = Duration.ofNanos(System.nanoTime() - ((gone == 0) ? asked : gone));
				switched.get(2, TimeUnit.MINUTES);
				cluster.awaitSynchronous(Duration.ofMinutes(3));
				// what was in flight at the switchover has been answered by now
				Thread.sleep(Duration.ofSeconds(15).toMillis());
				switchover.close();
				load.stop();

				Duration drained = Census.awaitOutboxDrained(cluster, Duration.ofMinutes(4));
				Census census = Census.take(cluster, load);
				System.out.printf(
						"FAULT patroni-failover: server of %s killed (SIGKILL, every process); %s promoted, no primary for %d ms;"
								+ " node-a serving again %d ms and node-b %d ms after the kill, without a restart;"
								+ " synchronous again (%s rejoined as standby) %d s after the kill;"
								+ " meanwhile %d answers 503, %d other 5xx, %d attempts without an answer%n",
						crashed, promoted, withoutPrimary.toMillis(), servingA.toMillis(), servingB.toMillis(), crashed,
						synchronousAgain.toSeconds(), failover.unavailable, failover.serverErrors, failover.unanswered);
				System.out.printf("FAULT patroni-failover: planned switchover %s -> %s, %d ms without a primary;"
						+ " meanwhile %d answers 503, %d other 5xx (first: %s), %d attempts without an answer%n",
						promoted, crashed, switchoverGap.toMillis(), switchover.unavailable, switchover.serverErrors,
						load.firstServerError.get(), switchover.unanswered);
				System.out.printf(
						"FAULT patroni-failover: requests %d (503 answers %d, gave up %d); filings acknowledged %d"
								+ " (%d by the failover), found %d, lost %d, duplicates %d; approved %d,"
								+ " licence duplicates %d, approved without licence %d; incomplete publications %d"
								+ " (drained %d s after the load)%n",
						load.requests.sum(), load.serviceUnavailable.sum(), load.gaveUp.sum(), load.acknowledged.size(),
						acknowledgedAtFailover, census.acknowledgedFound(),
						load.acknowledged.size() - census.acknowledgedFound(), census.duplicates(), census.approved(),
						census.licenceDuplicates(), census.approvedWithoutLicences(), census.incompletePublications(),
						drained.toSeconds());

				assertThat(load.acknowledged.size()).as("filings after the failover")
					.isGreaterThan((int) acknowledgedAtFailover);
				census.assertEveryAcknowledgedFilingKeptOnce(load);
				assertThat(failover.serverErrors)
					.as("5xx other than 503 at the failover: " + load.firstServerError.get())
					.isZero();
				assertThat(switchover.unavailable + switchover.serverErrors).as("5xx at the planned switchover")
					.isZero();
			}
		}
	}

	/** What the load met between two moments: the counters' differences. */
	private static final class Window {

		private final Load load;

		private final long unavailableBefore;

		private final long serverErrorsBefore;

		private final long failedBefore;

		private final long inProgressBefore;

		long unavailable;

		long serverErrors;

		/** Attempts that got no answer at all (connection refused or cut). */
		long unanswered;

		Window(Load load) {
			this.load = load;
			this.unavailableBefore = load.serviceUnavailable.sum();
			this.serverErrorsBefore = load.otherServerErrors.sum();
			this.failedBefore = load.failedAttempts.sum();
			this.inProgressBefore = load.inProgress.sum();
		}

		void close() {
			this.unavailable = this.load.serviceUnavailable.sum() - this.unavailableBefore;
			this.serverErrors = this.load.otherServerErrors.sum() - this.serverErrorsBefore;
			this.unanswered = this.load.failedAttempts.sum() - this.failedBefore - this.unavailable - this.serverErrors
					- (this.load.inProgress.sum() - this.inProgressBefore);
		}

	}

}
