package org.onevisit.benchmarks;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onevisit.identity.Actor;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.applications.Channel;
import org.onevisit.applications.Decision;
import org.onevisit.shared.Subject;
import org.onevisit.applications.Task;
import org.onevisit.catalog.CatalogueAdministration;
import org.onevisit.shared.ResidentId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 4-department bundle with a 30-field form from submission to approved (submit, four
 * approvals, history, outbox), through the module's Java API with 8 client threads on the
 * embedded PostgreSQL with fsync and synchronous_commit on. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=BundleThroughputBenchmark}; it prints bundles per
 * second, statements and commits per bundle.
 */
@Tag("benchmark")
// The dashboard's roll-up, every minute, re-counts the last two days' applications: here
// hundreds of thousands filed within minutes, a cost of the day's volume, not of a bundle
// (measured in DashboardBenchmark). -Dbenchmark.rollup=PT1M puts it back.
@SpringBootTest(properties = { "onevisit.db.embedded.durable=true", "logging.level.org.onevisit=warn",
		"onevisit.statistics.refresh-interval=${benchmark.rollup:PT24H}" })
@Import({ StatementCounter.class, BundleThroughputBenchmark.ApprovalsListener.class })
class BundleThroughputBenchmark {

	/**
	 * A module listening to every approval, so that each bundle's event is recorded in
	 * the outbox, handled and completed, as the benchmark asks; the modules of
	 * the demo catalogue listen only to the filings and approvals that concern them (a
	 * licence to issue, rules to apply, data to fetch), and these items concern none.
	 */
	@TestConfiguration
	static class ApprovalsListener {

		static final LongAdder HANDLED = new LongAdder();

		@ApplicationModuleListener(id = "benchmark.approvals")
		void on(ApplicationApproved approved) {
			HANDLED.increment();
		}

	}

	static final String[] DEPARTMENTS = { "tax", "samr", "hrss", "police" };

	/**
	 * With {@code -Dbenchmark.sharedData=true} each item also needs the applicant's
	 * identity from the population registry, fetched at filing (a signed request, a
	 * signed answer, ledger entries): the exchange's cost on top of the engine's,
	 * measured separately.
	 */
	static final boolean SHARED_DATA = Boolean.getBoolean("benchmark.sharedData");

	@Autowired
	ApplicationManagement applications;

	@Autowired
	CatalogueAdministration catalogue;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void approvesFourDepartmentBundlesWithEightClients() throws Exception {
		this.catalogue.importCatalogue("benchmark.yaml", new StringReader(benchmarkBundle()), "benchmark");
		Map<String, Object> form = new HashMap<>();
		for (int f = 0; f < 30; f++) {
			form.put("field" + f, "值" + f);
		}
		form.put("field0", "339902198503120016");

		// the yardstick: the bare JDBC version, warmed by a few rounds of its own
		BareJdbcBundle bare = new BareJdbcBundle(this.dataSource);
		bare.createTables();
		String formJson = new JsonMapper().writeValueAsString(form);
		Bundle bareBundle = () -> bare.fileAndApprove(formJson);
		Bundle engine = () -> engineBundle(form);
		for (int round = 1; round <= 3; round++) {
			System.out.printf("BENCHMARK bare JDBC warm-up round %d: %.0f bundles/s%n", round,
					run(bareBundle, Duration.ofSeconds(15)).rate());
		}

		// the JIT needs sustained load on two busy cores (runs have jumped after a
		// plateau of several rounds): warm up at least two minutes and until
		// throughput stops climbing
		double best = 0;
		for (int round = 1; round <= 14; round++) {
			double rate = run(engine, Duration.ofSeconds(15)).rate();
			System.out.printf("BENCHMARK warm-up round %d: %.0f bundles/s%n", round, rate);
			if (round >= 8 && rate < best * 1.05) {
				break;
			}
			best = Math.max(best, rate);
		}

		// This VM's share of its host changes from minute to minute (the bare version
		// alone has given 350 to 1,040 bundles/s within an hour), so the engine and the
		// yardstick are measured in alternating 10-second rounds and compared pair by
		// pair.
		printPlanCaches("after the warm-up");
		// A database in its steady state: statistics gathered, and the pool's
		// connections opened after them. Otherwise the connections keep a generic
		// plan costed while the tasks had no column statistics (between autovacuum's
		// first VACUUM and its first ANALYZE), which PostgreSQL never re-costs while
		// custom plans look cheaper: one query was planned anew on almost every call
		// (docs/benchmarks.md). A system in service has statistics within minutes.
		// -Dbenchmark.freshConnections=false measures the fresh database.
		if (Boolean.parseBoolean(System.getProperty("benchmark.freshConnections", "true"))) {
			this.jdbc.sql("analyze").update();
			this.dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class)
				.getHikariPoolMXBean()
				.softEvictConnections();
			Thread.sleep(1000);
		}
		// with
		// -Donevisit.db.embedded.settings.shared_preload_libraries=pg_stat_statements
		// the server times each statement: reset here, before the measured rounds
		PostgresStatements statistics = PostgresStatements.start(this.dataSource);
		// what grows with the tables, as counts: each pair's figures per engine bundle
		// (-Dbenchmark.growth=false leaves them out)
		boolean growth = Boolean.parseBoolean(System.getProperty("benchmark.growth", "true"));
		PostgresStatements.Counters counted = growth ? statistics.counters() : null;
		long statements = 0;
		long logStatements = 0;
		long logNanos = 0;
		long logWrites = 0;
		long logWriteNanos = 0;
		long commits = 0;
		long bundles = 0;
		double seconds = 0;
		long failures = 0;
		List<Double> ratios = new ArrayList<>();
		// CPU per bundle, where the host's stolen time does not count: the JVM's and
		// PostgreSQL's, for each side of each pair
		ProcessCpu cpu = new ProcessCpu(this.jdbc.sql("select pg_backend_pid()").query(Long.class).single());
		List<Double> cpuRatios = new ArrayList<>();
		ProcessCpu.Sample engineCpu = new ProcessCpu.Sample(0, 0);
		ProcessCpu.Sample bareCpu = new ProcessCpu.Sample(0, 0);
		long bareBundles = 0;
		// the database's CPU by process role, each side's sum over the pairs
		Map<String, Long> bareRoles = new java.util.TreeMap<>();
		Map<String, Long> engineRoles = new java.util.TreeMap<>();
		for (int pair = 1; pair <= PAIRS; pair++) {
			Map<String, Long> rolesAtStart = cpu.byRole();
			ProcessCpu.Sample start = cpu.now();
			Result yardstick = run(bareBundle, Duration.ofSeconds(10));
			ProcessCpu.Sample middle = cpu.now();
			Map<String, Long> rolesInMiddle = cpu.byRole();
			long statementsBefore = StatementCounter.EXECUTED.sum();
			long logStatementsBefore = StatementCounter.LOG.sum();
			long logNanosBefore = StatementCounter.LOG_NANOS.sum();
			long logWritesBefore = StatementCounter.LOG_WRITES.sum();
			long logWriteNanosBefore = StatementCounter.LOG_WRITE_NANOS.sum();
			long commitsBefore = commits();
			Result result = run(engine, Duration.ofSeconds(10));
			ProcessCpu.Sample end = cpu.now();
			Map<String, Long> rolesAtEnd = cpu.byRole();
			addRoles(bareRoles, rolesAtStart, rolesInMiddle);
			addRoles(engineRoles, rolesInMiddle, rolesAtEnd);
			statements += StatementCounter.EXECUTED.sum() - statementsBefore;
			logStatements += StatementCounter.LOG.sum() - logStatementsBefore;
			logNanos += StatementCounter.LOG_NANOS.sum() - logNanosBefore;
			logWrites += StatementCounter.LOG_WRITES.sum() - logWritesBefore;
			logWriteNanos += StatementCounter.LOG_WRITE_NANOS.sum() - logWriteNanosBefore;
			commits += commits() - commitsBefore;
			bundles += result.bundles();
			bareBundles += yardstick.bundles();
			seconds += result.seconds();
			failures += result.failures() + yardstick.failures();
			ratios.add(result.rate() / yardstick.rate());
			ProcessCpu.Sample bareUsed = middle.since(start);
			ProcessCpu.Sample engineUsed = end.since(middle);
			double[] bareMs = bareUsed.millisPer(yardstick.bundles());
			double[] engineMs = engineUsed.millisPer(result.bundles());
			cpuRatios.add(bareMs[2] / engineMs[2]);
			bareCpu = bareCpu.plus(bareUsed);
			engineCpu = engineCpu.plus(engineUsed);
			System.out
				.printf("BENCHMARK pair %d: bare JDBC %.0f bundles/s, engine %.0f bundles/s (%.0f %%); CPU per bundle: "
						+ "bare %.2f ms (JVM %.2f, PostgreSQL %.2f), engine %.2f ms (JVM %.2f, PostgreSQL %.2f) (%.0f %%); "
						+ "the host stole %.0f %% of the machine%n", pair, yardstick.rate(), result.rate(),
						100 * result.rate() / yardstick.rate(), bareMs[2], bareMs[0], bareMs[1], engineMs[2],
						engineMs[0], engineMs[1], 100 * bareMs[2] / engineMs[2], 100 * end.since(start).stolen());
			if (growth) {
				PostgresStatements.Counters now = statistics.counters();
				System.out.printf("BENCHMARK pair %d, per bundle of both: %s%n", pair,
						PostgresStatements.serverGrowth(counted, now, result.bundles() + yardstick.bundles()));
				for (String line : PostgresStatements.growth(counted, now, result.bundles(), 8, "public",
						(query) -> !query.contains("bare."))) {
					System.out.printf("BENCHMARK pair %d, per engine bundle: %s%n", pair, line);
				}
				for (String line : PostgresStatements.growth(counted, now, yardstick.bundles(), 4, "bare",
						(query) -> query.contains("bare."))) {
					System.out.printf("BENCHMARK pair %d, per bare bundle: %s%n", pair, line);
				}
				counted = now;
			}
		}
		bare.dropTables();
		Collections.sort(ratios);
		double median = (ratios.get(PAIRS / 2 - 1) + ratios.get(PAIRS / 2)) / 2;

		System.out.printf(
				"BENCHMARK bundle-throughput: %d bundles in %.1f s = %.0f bundles/s (8 threads, 4 tasks, 30 fields%s)%n",
				bundles, seconds, bundles / seconds,
				SHARED_DATA ? ", identity fetched from the registry per filing" : "");
		System.out.printf(
				"BENCHMARK against the bare JDBC version: median %.0f %% (pairs %.0f-%.0f %%); with the issue's bare "
						+ "version at 1,120/s that is %.0f bundles/s (the target, 600, is %.0f %%)%n",
				100 * median, 100 * ratios.get(0), 100 * ratios.get(PAIRS - 1), 1120 * median, 100 * 600 / 1120.0);
		System.out.printf("BENCHMARK per bundle: %.1f statements, %.2f commits (database-wide, incl. pool checks)%n",
				(double) statements / bundles, (double) commits / bundles);
		System.out.printf(
				"BENCHMARK per bundle, the transparency log's share: %.3f statements on its tables taking %.3f ms; "
						+ "of those, entries written in the act's transaction %.3f statements, %.3f ms (the rest are "
						+ "the sequencer's batches, off the request's path)%n",
				(double) logStatements / bundles, logNanos / 1e6 / bundles, (double) logWrites / bundles,
				logWriteNanos / 1e6 / bundles);
		// handled publications are deleted (ADR 4): the server counts the
		// inserts (its statistics may lag by a few hundred rows)
		System.out.printf(
				"BENCHMARK history rows %d, outbox publications written %d, still there %d (%d handled by the "
						+ "approvals listener)%n",
				this.jdbc.sql("select count(*) from applications_history").query(Long.class).single(),
				this.jdbc.sql("select n_tup_ins from pg_stat_user_tables where relname = 'event_publication'")
					.query(Long.class)
					.single(),
				this.jdbc.sql("select count(*) from event_publication").query(Long.class).single(),
				ApprovalsListener.HANDLED.sum());
		Collections.sort(cpuRatios);
		double cpuMedian = (cpuRatios.get(PAIRS / 2 - 1) + cpuRatios.get(PAIRS / 2)) / 2;
		double[] bareMs = bareCpu.millisPer(bareBundles);
		double[] engineMs = engineCpu.millisPer(bundles);
		System.out.printf(
				"BENCHMARK CPU per bundle over the pairs: bare %.2f ms (JVM %.2f, PostgreSQL %.2f), engine %.2f ms "
						+ "(JVM %.2f, PostgreSQL %.2f); bare ÷ engine median %.0f %% (pairs %.0f-%.0f %%), "
						+ "normalised %.0f bundles/s%n",
				bareMs[2], bareMs[0], bareMs[1], engineMs[2], engineMs[0], engineMs[1], 100 * cpuMedian,
				100 * cpuRatios.get(0), 100 * cpuRatios.get(PAIRS - 1), 1120 * cpuMedian);
		System.out.printf("BENCHMARK PostgreSQL CPU per bundle by process: bare %s; engine %s%n",
				perBundle(bareRoles, bareBundles), perBundle(engineRoles, bundles));
		printPlanCaches("after the measured rounds");
		if (statistics.kept()) {
			// the yardstick's statements are in these figures too, under the bare schema
			printStatementStatistics(statistics, bundles);
		}
		assertThat(failures).isZero();
	}

	/**
	 * Which of the driver's server-prepared statements PostgreSQL planned anew on each
	 * call (custom plans) instead of reusing one generic plan, summed over the pool's
	 * connections, each borrowed at once so that every one is seen. A run with
	 * pg_stat_statements once showed the application's tasks planned on 85 % of calls.
	 * Printed after the warm-up and again at the end: the difference is the measured
	 * rounds'.
	 */
	private void printPlanCaches(String when) throws java.sql.SQLException {
		int size = this.dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize();
		Map<String, long[]> plans = new java.util.TreeMap<>();
		List<java.sql.Connection> borrowed = new ArrayList<>();
		try {
			for (int c = 0; c < size; c++) {
				java.sql.Connection connection = this.dataSource.getConnection();
				borrowed.add(connection);
				try (java.sql.Statement statement = connection
					.createStatement(); java.sql.ResultSet row = statement.executeQuery("""
							select left(regexp_replace(statement, '\\s+', ' ', 'g'), 90), generic_plans, custom_plans
							from pg_prepared_statements where custom_plans > 10""")) {
					while (row.next()) {
						long[] counts = plans.computeIfAbsent(row.getString(1), (query) -> new long[2]);
						counts[0] += row.getLong(2);
						counts[1] += row.getLong(3);
					}
				}
			}
		}
		finally {
			for (java.sql.Connection connection : borrowed) {
				connection.close();
			}
		}
		System.out.printf("BENCHMARK statements planned anew on more than 10 calls of a connection, %s: %s%n", when,
				plans.isEmpty() ? "none" : "");
		plans.forEach((query, counts) -> System.out.printf("BENCHMARK   %d generic, %d custom plans: %s%n", counts[0],
				counts[1], query));
	}

	/** Adds each role's growth from one reading to the next (a process gone counts 0). */
	private static void addRoles(Map<String, Long> sum, Map<String, Long> from, Map<String, Long> to) {
		to.forEach((role, nanos) -> sum.merge(role, Math.max(0, nanos - from.getOrDefault(role, 0L)), Long::sum));
	}

	private static String perBundle(Map<String, Long> roles, long bundles) {
		StringBuilder text = new StringBuilder();
		roles.forEach((role, nanos) -> text.append(String.format("%s %.3f ms, ", role, nanos / 1e6 / bundles)));
		return text.toString();
	}

	/** Alternating rounds of the yardstick and the engine; even, for the median. */
	static final int PAIRS = 8;

	/** Where PostgreSQL spent its execution time in the measured round, per bundle. */
	private static void printStatementStatistics(PostgresStatements statistics, long bundles) {
		System.out.printf("BENCHMARK PostgreSQL execution time per bundle: %.3f ms in all%n",
				statistics.executionMillis() / bundles);
		for (PostgresStatements.Statement statement : statistics.top(25, 140)) {
			System.out.printf(
					"BENCHMARK   %.3f ms/bundle executing, %.3f planning (%.2f plans/call), %.2f calls/bundle, %.1f WAL records/call: %s%n",
					statement.executionMillis() / bundles, statement.planningMillis() / bundles,
					(double) statement.plans() / Math.max(1, statement.calls()), (double) statement.calls() / bundles,
					(double) statement.walRecords() / Math.max(1, statement.calls()), statement.query());
		}
	}

	record Result(long bundles, double seconds, long failures) {

		double rate() {
			return this.bundles / this.seconds;
		}

	}

	/**
	 * One client's unit of work: a bundle filed and approved, true if it ended approved.
	 */
	interface Bundle {

		boolean fileAndApprove() throws Exception;

	}

	/** The engine's bundle, through the module's Java API. */
	private boolean engineBundle(Map<String, Object> form) {
		Application application = this.applications.submit(new Submission(null, "benchmark-bundle",
				Subject.person(ResidentId.of("339902198503120016")), Channel.ONLINE, form),
				Actor.applicant("applicant1"), UUID.randomUUID().toString());
		for (Task task : application.tasks()) {
			String department = task.plan().departmentCode();
			application = this.applications.decide(task.id(), Decision.Approve.here(),
					Actor.reviewer("reviewer-" + department, department), null);
		}
		return application.status() == ApplicationStatus.APPROVED;
	}

	private Result run(Bundle bundle, Duration duration) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		AtomicBoolean running = new AtomicBoolean(true);
		LongAdder bundles = new LongAdder();
		LongAdder failures = new LongAdder();
		List<Future<?>> clients = new ArrayList<>();
		long start = System.nanoTime();
		for (int c = 0; c < 8; c++) {
			clients.add(pool.submit(() -> {
				while (running.get()) {
					try {
						if (bundle.fileAndApprove()) {
							bundles.increment();
						}
						else {
							failures.increment();
						}
					}
					catch (Exception ex) {
						failures.increment();
					}
				}
			}));
		}
		Thread.sleep(duration.toMillis());
		running.set(false);
		for (Future<?> client : clients) {
			client.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.MINUTES);
		return new Result(bundles.sum(), seconds, failures.sum());
	}

	private long commits() {
		return this.jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()")
			.query(Long.class)
			.single();
	}

	/**
	 * Four single-step items of four departments, eight fields each, and a bundle whose
	 * one form has thirty.
	 */
	static String first(java.sql.Statement statement, String sql) throws java.sql.SQLException {
		try (java.sql.ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	static String benchmarkBundle() {
		StringBuilder yaml = new StringBuilder("items:\n");
		for (int d = 0; d < DEPARTMENTS.length; d++) {
			yaml.append("  - code: BENCH-")
				.append(d)
				.append('\n')
				.append("    name: 基准测试事项")
				.append(d)
				.append('\n')
				.append("    department: ")
				.append(DEPARTMENTS[d])
				.append('\n')
				.append("    region: \"339900\"\n    limits: {statutory: 20, committed: 5}\n")
				.append("    channels: both\n    visits: 0\n    materialsBefore: 2\n    form:\n");
			for (int f = 0; f < 8; f++) {
				int field = (d * 8 + f) % 30;
				yaml.append("      - {name: f")
					.append(f)
					.append(", label: 字段")
					.append(field)
					.append(", type: ")
					.append(field == 0 ? "residentId" : "string")
					.append(", required: true}\n");
			}
			// the identifier field, where the item has one, names its applicant, who
			// confirms by filing: the benchmark's matters wait for nobody
			for (int f = 0; f < 8; f++) {
				if ((d * 8 + f) % 30 == 0) {
					yaml.append("    parties:\n      - {field: f").append(f).append(", role: applicant}\n");
				}
			}
			if (SHARED_DATA) {
				yaml.append(
						"    materials:\n      - {code: identity, name: 身份证明, source: sharedData, dataElement: population.identity}\n");
			}
		}
		yaml.append(
				"bundles:\n  - code: benchmark-bundle\n    name: 基准测试一件事\n    items: [BENCH-0, BENCH-1, BENCH-2, BENCH-3]\n"
						+ "    parties:\n      - {field: field0, role: applicant}\n    form:\n");
		for (int field = 0; field < 30; field++) {
			yaml.append("      - name: field")
				.append(field)
				.append('\n')
				.append("        label: 字段")
				.append(field)
				.append('\n')
				.append("        type: ")
				.append(field == 0 ? "residentId" : "string")
				.append('\n')
				.append("        required: true\n        maps: {");
			List<String> maps = new ArrayList<>();
			for (int d = 0; d < DEPARTMENTS.length; d++) {
				for (int f = 0; f < 8; f++) {
					if ((d * 8 + f) % 30 == field) {
						maps.add("BENCH-" + d + ": f" + f);
					}
				}
			}
			yaml.append(String.join(", ", maps)).append("}\n");
		}
		return yaml.toString();
	}

}
