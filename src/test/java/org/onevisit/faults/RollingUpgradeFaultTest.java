package org.onevisit.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reliability.md, "Zero-downtime upgrades" (issue 30, point 6; ADR 16): two nodes of
 * version N on one PostgreSQL 17 under load, behind a load balancer that drains a node
 * before it is stopped and sends a request elsewhere only when its connection is refused
 * (nothing was sent then); anything else, a 5xx or a request cut off, reaches the client
 * and counts. The nodes are upgraded one at a time to version N+1: drained, stopped with
 * SIGTERM (graceful shutdown), started as N+1, put back. N+1 is the same build with an
 * expand migration of its own (a nullable column and the trigger that fills it, then a
 * backfill), which its first node runs while the other node, still N, serves on the new
 * schema. Then one node is rolled back to N, which must start on a schema with migrations
 * it does not know. No 5xx at all, no acknowledged filing lost, none duplicated, and
 * every filing, N's too, has N+1's new column filled. Run with
 * {@code ./mvnw -Pfaults test -Dtest=RollingUpgradeFaultTest}.
 */
@Tag("fault")
class RollingUpgradeFaultTest {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/** N+1's own migrations, numbered after OneVisit's last at each run. */
	static final Path NEXT_VERSION = Path.of("src/test/resources/org/onevisit/faults/next-version");

	private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

	/** How long the balancer waits for a drained node's requests, at most. */
	private static final Duration DRAINING = Duration.ofSeconds(30);

	@Test
	void upgradesTwoNodesOneAtATimeUnderLoadWithNoServerErrorAndNothingLostOrDuplicated() throws Exception {
		Path root = Path.of("target", "faults", "rolling-upgrade").toAbsolutePath();
		LocalPostgres.deleteRecursively(root);
		Path data = root.resolve("data");
		List<Long> nextVersions = new ArrayList<>();
		Path next = nextVersion(root.resolve("next-version"), nextVersions);
		String nPlusOne = "--spring.flyway.locations=classpath:db/migration,filesystem:" + next;
		// the demo's catalogue of real size, imported at every start, is left out as in
		// the
		// suite: it is demo data, and minutes of a node's start on a shared machine
		String small = "--onevisit.demo-catalogue.generated=false";
		List<Node> everyNode = new ArrayList<>();
		try (SharedPostgres postgres = SharedPostgres.start(root.resolve("pgdata"))) {
			try {
				upgradeUnderLoad(postgres, data, nPlusOne, small, nextVersions, everyNode);
			}
			finally {
				// before the server they run on
				for (Node node : everyNode) {
					node.close();
				}
			}
		}
	}

	private static void upgradeUnderLoad(SharedPostgres postgres, Path data, String nPlusOne, String small,
			List<Long> nextVersions, List<Node> everyNode) throws Exception {
		String url = postgres.jdbcUrl();
		Node a = started(everyNode, Node.external("a-N", url, data, small));
		Node b = started(everyNode, Node.external("b-N", url, data, small));
		// the balancer's rotation: a drained node's place is taken by the other
		List<Node> rotation = new CopyOnWriteArrayList<>(List.of(a, b));
		Load load = new Load(rotation);
		load.start(6);
		Thread.sleep(Duration.ofSeconds(20).toMillis());
		int beforeTheUpgrade = load.acknowledged.size();

		Step first = replace(load, rotation, 0, Node.external("a-N+1", url, data, small, nPlusOne), everyNode, data);
		boolean expanded = hasColumn(postgres, "applications_application", "submitted_day");
		long bOnTheNewSchemaBefore = load.answered(b);
		Thread.sleep(Duration.ofSeconds(20).toMillis());
		long bOnTheNewSchema = load.answered(b) - bOnTheNewSchemaBefore;
		int mixed = load.acknowledged.size();

		Step second = replace(load, rotation, 1, Node.external("b-N+1", url, data, small, nPlusOne), everyNode, data);
		Thread.sleep(Duration.ofSeconds(20).toMillis());
		int upgraded = load.acknowledged.size();

		// a failed upgrade is rolled back by starting N again (ADR 16)
		Step rollback = replace(load, rotation, 1, Node.external("b-N-again", url, data, small), everyNode, data);
		Node rolledBack = rotation.get(1);
		Thread.sleep(Duration.ofSeconds(20).toMillis());
		long answeredByTheRolledBack = load.answered(rolledBack);
		load.stop();

		Duration drained = Census.awaitOutboxDrained(postgres, Duration.ofMinutes(4));
		Census census = Census.take(postgres, load);
		long withoutTheNewShape = withoutSubmittedDay(postgres, load.acknowledged.values());
		List<String> applied = appliedOnce(postgres, nextVersions);

		for (Step step : List.of(first, second, rollback)) {
			System.out.printf("FAULT rolling-upgrade: %s%n", step);
		}
		System.out.printf("FAULT rolling-upgrade: N+1's migrations %s applied once each (%s); b, still N, answered %d"
				+ " attempts in the 20 s after a-N+1 had expanded the schema; the rolled-back b-N" + " answered %d%n",
				nextVersions, applied, bOnTheNewSchema, answeredByTheRolledBack);
		System.out.printf(
				"FAULT rolling-upgrade: requests %d (5xx %d, cut off %d, connections refused %d, gave up %d,"
						+ " matters refused %d, first error: %s); filings acknowledged %d (%d before the upgrade,"
						+ " %d with N+1 and N side by side, %d with both on N+1, %d after the rollback), found %d,"
						+ " lost %d, duplicates %d; approved %d, licence duplicates %d, approved without a licence"
						+ " %d; without N+1's column %d; incomplete publications %d (drained %d s after the load)%n",
				load.requests.sum(), load.serverErrors.sum(), load.cutOff.sum(), load.connectionsRefused.sum(),
				load.gaveUp.sum(), load.refused.sum(),
				(load.firstServerErrorOrCut.get() != null) ? load.firstServerErrorOrCut.get() : load.firstRefusal.get(),
				load.acknowledged.size(), beforeTheUpgrade, mixed - beforeTheUpgrade, upgraded - mixed,
				load.acknowledged.size() - upgraded, census.acknowledgedFound(),
				load.acknowledged.size() - census.acknowledgedFound(), census.duplicates(), census.approved(),
				census.licenceDuplicates(), census.approvedWithoutLicences(), withoutTheNewShape,
				census.incompletePublications(), drained.toSeconds());

		assertThat(List.of(first, second, rollback)).allSatisfy((step) -> {
			assertThat(step.graceful()).as(step.stopped() + " shut down gracefully").isTrue();
			assertThat(step.leftInFlight()).as(step.stopped() + " drained").isZero();
		});
		assertThat(expanded).as("N+1's first node expanded the schema").isTrue();
		assertThat(applied).as("N+1's migrations, applied once each").hasSize(nextVersions.size());
		assertThat(bOnTheNewSchema).as("N served on N+1's schema").isPositive();
		assertThat(answeredByTheRolledBack).as("N started again on N+1's schema and served").isPositive();
		assertThat(load.serverErrors.sum()).as("5xx: " + load.firstServerErrorOrCut.get()).isZero();
		assertThat(load.cutOff.sum()).as("cut off: " + load.firstServerErrorOrCut.get()).isZero();
		assertThat(beforeTheUpgrade).as("filings before the upgrade").isPositive();
		assertThat(mixed).as("filings while N and N+1 ran side by side").isGreaterThan(beforeTheUpgrade);
		assertThat(census.acknowledgedFound()).as("lost").isEqualTo(load.acknowledged.size());
		assertThat(census.duplicates()).as("duplicates").isZero();
		assertThat(census.licenceDuplicates()).as("licence duplicates").isZero();
		assertThat(census.approvedWithoutLicences()).as("approved without a licence").isZero();
		assertThat(withoutTheNewShape).as("filings without N+1's column filled").isZero();
		assertThat(census.incompletePublications()).as("incomplete publications").isZero();
		assertThat(load.gaveUp.sum()).isZero();
		assertThat(load.refused.sum()).as("refused: " + load.firstRefusal.get()).isZero();
	}

	/**
	 * One node replaced as a rolling upgrade does it: drained (the balancer sends it
	 * nothing new, and waits for what it sent), stopped with SIGTERM, its successor
	 * started and put in its place once it reports itself up.
	 */
	private static Step replace(Load load, List<Node> rotation, int slot, Node successor, List<Node> everyNode,
			Path data) throws Exception {
		Node old = rotation.get(slot);
		rotation.set(slot, rotation.get(1 - slot));
		int inFlightAtDrain = load.inFlight(old);
		long draining = System.nanoTime();
		// quiet for a second: a request that chose the node just before the drain may
		// not be counted yet
		long quietSince = System.nanoTime();
		while (System.nanoTime() - quietSince < Duration.ofSeconds(1).toNanos()
				&& System.nanoTime() - draining < DRAINING.toNanos()) {
			if (load.inFlight(old) > 0) {
				quietSince = System.nanoTime();
			}
			Thread.sleep(20);
		}
		int leftInFlight = load.inFlight(old);
		long stopping = System.nanoTime();
		old.close();
		long starting = System.nanoTime();
		String output = Files.readString(data.resolve(old.name() + ".out"), StandardCharsets.UTF_8);
		boolean graceful = output.contains("Commencing graceful shutdown")
				&& output.contains("Graceful shutdown complete");
		started(everyNode, successor);
		rotation.set(slot, successor);
		long back = System.nanoTime();
		return new Step(old.name(), successor.name(), inFlightAtDrain, leftInFlight,
				Duration.ofNanos(stopping - draining).toMillis(), Duration.ofNanos(starting - stopping).toMillis(),
				graceful, Duration.ofNanos(back - starting).toSeconds());
	}

	private static Node started(List<Node> everyNode, Node node) throws IOException, InterruptedException {
		everyNode.add(node);
		return node.start();
	}

	record Step(String stopped, String started, int inFlightAtDrain, int leftInFlight, long drainMillis,
			long stopMillis, boolean graceful, long startSeconds) {

		@Override
		public String toString() {
			return "%s drained (%d requests in flight, %d left after %d ms), stopped with SIGTERM in %d ms (graceful: %s);"
				.formatted(this.stopped, this.inFlightAtDrain, this.leftInFlight, this.drainMillis, this.stopMillis,
						this.graceful)
					+ " %s up and back in the rotation %d s later".formatted(this.started, this.startSeconds);
		}

	}

	/**
	 * N+1's migrations, written into the directory with versions after OneVisit's last
	 * migration, so that they stay ahead of N whatever migrations OneVisit gains.
	 */
	static Path nextVersion(Path directory, List<Long> versions) throws IOException {
		long last = lastVersion();
		Files.createDirectories(directory);
		try (Stream<Path> files = Files.list(NEXT_VERSION)) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString();
				long version = last + Long.parseLong(name.substring(0, name.indexOf("__")));
				versions.add(version);
				Files.copy(file, directory.resolve("V" + version + name.substring(name.indexOf("__"))));
			}
		}
		return directory;
	}

	/** The version of OneVisit's newest migration. */
	static long lastVersion() throws IOException {
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			return files.map((file) -> VERSIONED.matcher(file.getFileName().toString()))
				.filter(Matcher::matches)
				.mapToLong((name) -> Long.parseLong(name.group(1)))
				.max()
				.orElseThrow();
		}
	}

	private static boolean hasColumn(Database postgres, String table, String column) throws SQLException {
		try (Connection connection = postgres.connect();
				PreparedStatement statement = connection.prepareStatement(
						"select count(*) from information_schema.columns where table_name = ? and column_name = ?")) {
			statement.setString(1, table);
			statement.setString(2, column);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1) == 1;
			}
		}
	}

	/** Acknowledged filings whose N+1 column does not say the day they were filed. */
	private static long withoutSubmittedDay(Database postgres, java.util.Collection<String> ids) throws SQLException {
		try (Connection connection = postgres.connect(); PreparedStatement statement = connection.prepareStatement("""
				select count(*) from applications_application
				where id = any(?)
				  and submitted_day is distinct from (submitted_at at time zone 'Asia/Shanghai')::date
				""")) {
			statement.setArray(1, connection.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	/** Flyway's history of these versions: each applied once, successfully. */
	private static List<String> appliedOnce(Database postgres, List<Long> versions) throws SQLException {
		List<String> applied = new ArrayList<>();
		try (Connection connection = postgres.connect(); PreparedStatement statement = connection.prepareStatement("""
				select version, description from flyway_schema_history
				where version = any(?) and success
				order by installed_rank
				""")) {
			statement.setArray(1, connection.createArrayOf("text", versions.stream().map(String::valueOf).toArray()));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					applied.add(result.getString(1) + " " + result.getString(2));
				}
			}
		}
		return applied;
	}

}
