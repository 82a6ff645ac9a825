package org.onevisit.platform.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded waits: a request's statement and lock waits are limited by the server, and a
 * frozen server (its processes stopped with SIGSTOP, so it cancels nothing) fails the
 * requests waiting on it as unreachable within two seconds instead of hanging; once it
 * runs again the pool serves again.
 */
class DatabaseWatchTests {

	static PooledServer server;

	@BeforeAll
	static void startAServerAndThePool() throws Exception {
		server = PooledServer.start(4, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(7));
	}

	@AfterAll
	static void stopIt() throws Exception {
		server.close();
	}

	@Test
	void limitsARequestsStatementsAndLockWaits() throws SQLException {
		assertThat(query("show statement_timeout")).isEqualTo("5s");
		assertThat(query("show lock_timeout")).isEqualTo("2s");
	}

	@Test
	void failsTheRequestsOnAFrozenServerAsUnreachableWithinTwoSecondsAndServesOnceItRunsAgain() throws Exception {
		assertThat(query("select 1")).isEqualTo("1");
		List<Long> frozen = processesOfTheServer();
		long cutsBefore = server.watch.cuts();
		// one request already holding a connection when the server freezes (taken before:
		// an idle one may be gone, cut after a slow answer on a busy machine)
		Connection holding = server.pool.getConnection();

		signal(frozen, "STOP");
		List<Outcome> outcomes = new ArrayList<>();
		boolean silentWhileFrozen;
		try {
			// its statement, and requests arriving afterwards
			CompletableFuture<Outcome> inFlight = CompletableFuture.supplyAsync(() -> timed(() -> {
				try (holding; Statement statement = holding.createStatement()) {
					statement.execute("select 1");
				}
			}));
			Thread.sleep(300);
			for (int i = 0; i < 3; i++) {
				outcomes.add(timed(() -> query("select 1")));
			}
			outcomes.add(inFlight.get(10, TimeUnit.SECONDS));
			silentWhileFrozen = !server.watch.answering();
		}
		finally {
			signal(frozen, "CONT");
		}

		assertThat(outcomes).allSatisfy((outcome) -> {
			assertThat(outcome.failure()).as("failed").isNotNull();
			assertThat(DatabaseOutage.causedBy(outcome.failure())).as(outcome.failure().toString()).isTrue();
			assertThat(outcome.millis()).as("answered within two seconds").isLessThan(2_000);
		});
		assertThat(server.watch.cuts()).isEqualTo(cutsBefore + 1);
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		Outcome again = timed(() -> query("select 1"));
		while (again.failure() != null && System.nanoTime() < deadline) {
			Thread.sleep(200);
			again = timed(() -> query("select 1"));
		}
		assertThat(again.failure()).as("serving again").isNull();
		// requests are answered 503 at once meanwhile (DatabaseOutage), and no longer
		assertThat(silentWhileFrozen).as("the watch found the frozen server silent").isTrue();
		while (!server.watch.answering() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(server.watch.answering()).as("the watch hears the server again").isTrue();
	}

	@Test
	void tellsThePoolWhenTheServerEndsEverySessionAsTheOldPrimaryDoesAtASwitchover() throws Exception {
		AtomicInteger lost = new AtomicInteger();
		try (DatabaseWatch watching = new DatabaseConfiguration().databaseWatch(server.properties, server.server)) {
			watching.whenServerLost(lost::incrementAndGet);
			// asked and answered at least once
			Thread.sleep(1_500);
			assertThat(lost).hasValue(0);

			try (Connection superuser = DriverManager.getConnection(server.server.jdbcUrl());
					Statement statement = superuser.createStatement()) {
				statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where usename = '"
						+ DatabaseRoles.APPLICATION + "'");
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (lost.get() == 0 && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			// and once only: the next question is answered on a new connection
			Thread.sleep(1_500);
		}
		assertThat(lost).hasValue(1);
		// the pool's own watch evicted the ended connections: nothing fails
		for (int i = 0; i < 8; i++) {
			assertThat(query("select 1")).isEqualTo("1");
		}
	}

	/** The postmaster and its children: what a frozen host or container stops. */
	private static List<Long> processesOfTheServer() throws SQLException {
		long backend = Long.parseLong(query("select pg_backend_pid()"));
		ProcessHandle postmaster = ProcessHandle.of(backend).orElseThrow().parent().orElseThrow();
		List<Long> all = new ArrayList<>(List.of(postmaster.pid()));
		postmaster.descendants().forEach((child) -> all.add(child.pid()));
		return all;
	}

	private static void signal(List<Long> pids, String signal) throws Exception {
		for (long pid : pids) {
			EmbeddedDatabase.Postmaster.signal(pid, signal);
		}
	}

	private static String query(String sql) throws SQLException {
		try (Connection connection = server.pool.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private static Outcome timed(Work work) {
		long start = System.nanoTime();
		try {
			work.run();
			return new Outcome(null, (System.nanoTime() - start) / 1_000_000);
		}
		catch (Exception ex) {
			return new Outcome(ex, (System.nanoTime() - start) / 1_000_000);
		}
	}

	interface Work {

		void run() throws Exception;

	}

	record Outcome(Exception failure, long millis) {
	}

}
