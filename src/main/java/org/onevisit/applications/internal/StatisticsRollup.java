package org.onevisit.applications.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationStatistics;
import org.onevisit.platform.LongWork;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class StatisticsRollup implements ApplicationStatistics {

	private static final Logger log = LoggerFactory.getLogger(StatisticsRollup.class);

	// a task finishes within its statutory limit, at most 60 working days: its filing is
	// never older than this when it finishes
	private static final int LONGEST_MATTER_DAYS = 180;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final LongWork longWork;

	StatisticsRollup(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, LongWork longWork) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.longWork = longWork;
	}

	@SchedulerLock(name = "statistics-rollup")
	@Scheduled(fixedDelayString = "${onevisit.statistics.refresh-interval:PT1M}", initialDelayString = "PT15S")
	void onSchedule() {
		boolean empty = this.jdbc.sql("select not exists (select 1 from applications_stats_filed)")
			.query(Boolean.class)
			.single();
		if (empty) {
			rebuild();
		}
		else {
			refresh();
		}
	}

	@Override
	public void refresh() {
		recompute(LocalDate.now(this.clock).minusDays(1));
	}

	@Override
	public void rebuild() {
		recompute(LocalDate.of(2000, 1, 1));
	}

	private void recompute(LocalDate from) {
		long started = System.nanoTime();
		String zone = this.clock.getZone().getId();
		Timestamp since = Timestamp.from(from.atStartOfDay(this.clock.getZone()).toInstant());
		Timestamp filedSince = Timestamp
			.from(from.minusDays(LONGEST_MATTER_DAYS).atStartOfDay(this.clock.getZone()).toInstant());
		this.transactions.executeWithoutResult((status) -> {
			// a rebuild over years of history outlasts a request's 5 s statement timeout;
			// the other node's wait for the advisory lock below outlasts its lock timeout
			this.longWork.allowInThisTransaction();
			// one node at a time recomputes; another waits and then recomputes the same
			this.jdbc.sql("select pg_advisory_xact_lock(hashtext('applications-statistics'))").query().singleRow();
			this.jdbc.sql("delete from applications_stats_filed where day >= :from").param("from", from).update();
			this.jdbc.sql("""
					insert into applications_stats_filed (day, department, item_code, channel, tasks, supplemented)
					select (a.submitted_at at time zone :zone)::date, t.department_code, t.item_code, a.channel,
					       count(*), count(*) filter (where t.paused_working_days > 0 or t.paused_since is not null)
					from applications_application a join applications_task t on t.application_id = a.id
					where a.submitted_at >= :since
					group by 1, 2, 3, 4
					""").param("since", since).param("zone", zone).update();
			this.jdbc.sql("delete from applications_stats_finished where day >= :from").param("from", from).update();
			this.jdbc
				.sql("""
						insert into applications_stats_finished (day, department, item_code, channel, outcome, tasks, same_day,
						    within_committed, hours_sum, hours_histogram)
						select (a.finished_at at time zone :zone)::date, t.department_code, t.item_code, a.channel,
						       a.status, count(*),
						       count(*) filter (where (a.finished_at at time zone :zone)::date
						                            = (a.submitted_at at time zone :zone)::date),
						       count(*) filter (where (a.finished_at at time zone :zone)::date <= t.committed_due),
						       sum(extract(epoch from a.finished_at - a.submitted_at) / 3600),
						       array[%s]
						from applications_application a join applications_task t on t.application_id = a.id
						where a.finished_at >= :since and a.submitted_at >= :filedSince
						group by 1, 2, 3, 4, 5
						"""
					.formatted(histogramColumns()))
				.param("since", since)
				.param("filedSince", filedSince)
				.param("zone", zone)
				.update();
		});
		log.debug("Application statistics from {} recomputed in {} ms", from,
				(System.nanoTime() - started) / 1_000_000);
	}

	private static String histogramColumns() {
		List<String> columns = new ArrayList<>();
		String hours = "extract(epoch from a.finished_at - a.submitted_at) / 3600";
		int lower = 0;
		for (int upper : HOUR_BUCKETS) {
			columns.add("count(*) filter (where " + hours + " >= " + lower + " and " + hours + " < " + upper + ")");
			lower = upper;
		}
		columns.add("count(*) filter (where " + hours + " >= " + lower + ")");
		return String.join(", ", columns);
	}

	@Override
	public Figures figures(Scope scope) {
		String items = (scope.itemCodes() != null) ? " and item_code in (:items)" : "";
		Map<String, Long> byChannel = new TreeMap<>();
		Map<LocalDate, Long> byDay = new TreeMap<>();
		Map<String, long[]> filedByItem = new HashMap<>();
		Map<String, long[]> filedByDepartment = new HashMap<>();
		Map<String, Long> supplemented = new TreeMap<>();
		bind(this.jdbc
			.sql("select day, department, item_code, channel, tasks, supplemented from applications_stats_filed"
					+ " where day between :from and :to" + items),
				scope)
			.query((ResultSet row) -> {
				long tasks = row.getLong("tasks");
				byChannel.merge(row.getString("channel"), tasks, Long::sum);
				byDay.merge(row.getObject("day", LocalDate.class), tasks, Long::sum);
				filedByItem.computeIfAbsent(row.getString("item_code"), (k) -> new long[1])[0] += tasks;
				filedByDepartment.computeIfAbsent(row.getString("department"), (k) -> new long[1])[0] += tasks;
				supplemented.merge(row.getString("channel"), row.getLong("supplemented"), Long::sum);
			});
		Accumulator all = new Accumulator();
		Map<String, Accumulator> byItem = new HashMap<>();
		Map<String, Accumulator> byDepartment = new HashMap<>();
		long[] approved = new long[1];
		bind(this.jdbc.sql("select * from applications_stats_finished where day between :from and :to" + items), scope)
			.query((ResultSet row) -> {
				long[] histogram = longs(row.getArray("hours_histogram"));
				long tasks = row.getLong("tasks");
				double hours = row.getDouble("hours_sum");
				all.add(tasks, row.getLong("same_day"), row.getLong("within_committed"), hours, histogram);
				byItem.computeIfAbsent(row.getString("item_code"), (k) -> new Accumulator())
					.add(tasks, 0, 0, hours, histogram);
				byDepartment.computeIfAbsent(row.getString("department"), (k) -> new Accumulator())
					.add(tasks, 0, 0, hours, histogram);
				if ("APPROVED".equals(row.getString("outcome"))) {
					approved[0] += tasks;
				}
			});
		long filed = byChannel.values().stream().mapToLong(Long::longValue).sum();
		return new Figures(filed, byChannel, supplemented, all.tasks, approved[0], all.sameDay, all.withinCommitted,
				all.average(), all.p90(), byDay, handling(filedByItem, byItem),
				handling(filedByDepartment, byDepartment));
	}

	@Override
	public List<MonthlyCell> monthly(Scope scope) {
		String items = (scope.itemCodes() != null) ? " and item_code in (:items)" : "";
		Map<List<String>, long[]> filed = new LinkedHashMap<>();
		bind(this.jdbc.sql("""
				select to_char(day, 'YYYY-MM') as month, department, item_code, sum(tasks) as tasks
				from applications_stats_filed where day between :from and :to%s
				group by 1, 2, 3 order by 1, 2, 3
				""".formatted(items)), scope).query((ResultSet row) -> {
			// a block, so that this reads each row rather than the whole result
			filed.put(List.of(row.getString("month"), row.getString("department"), row.getString("item_code")),
					new long[] { row.getLong("tasks"), 0, 0 });
		});
		Map<List<String>, double[]> finished = new HashMap<>();
		bind(this.jdbc
			.sql("""
					select to_char(day, 'YYYY-MM') as month, department, item_code, sum(tasks) as tasks, sum(hours_sum) as hours
					from applications_stats_finished where day between :from and :to%s
					group by 1, 2, 3
					"""
				.formatted(items)), scope)
			.query((ResultSet row) -> {
				finished.put(List.of(row.getString("month"), row.getString("department"), row.getString("item_code")),
						new double[] { row.getLong("tasks"), row.getDouble("hours") });
			});
		List<MonthlyCell> cells = new ArrayList<>();
		filed.forEach((key, counts) -> {
			double[] done = finished.getOrDefault(key, new double[] { 0, 0 });
			cells.add(new MonthlyCell(key.get(0), key.get(1), key.get(2), counts[0], (long) done[0],
					(done[0] > 0) ? round(done[1] / done[0]) : null));
		});
		return cells;
	}

	private static Map<String, Handling> handling(Map<String, long[]> filed, Map<String, Accumulator> finished) {
		Map<String, Handling> result = new TreeMap<>();
		filed.forEach((key, count) -> {
			Accumulator done = finished.getOrDefault(key, new Accumulator());
			result.put(key, new Handling(count[0], done.tasks, done.average(), done.p90()));
		});
		finished
			.forEach((key, done) -> result.putIfAbsent(key, new Handling(0, done.tasks, done.average(), done.p90())));
		return result;
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Scope scope) {
		JdbcClient.StatementSpec bound = statement.param("from", scope.from()).param("to", scope.to());
		return (scope.itemCodes() != null)
				? bound.param("items", scope.itemCodes().isEmpty() ? List.of("-") : List.copyOf(scope.itemCodes()))
				: bound;
	}

	private static long[] longs(Array array) throws SQLException {
		Object[] values = (Object[]) array.getArray();
		long[] result = new long[values.length];
		for (int i = 0; i < values.length; i++) {
			result[i] = ((Number) values[i]).longValue();
		}
		return result;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/** Sums of finished tasks, with the histogram to read a percentile from. */
	private static final class Accumulator {

		long tasks;

		long sameDay;

		long withinCommitted;

		double hours;

		final long[] histogram = new long[HOUR_BUCKETS.size() + 1];

		void add(long tasks, long sameDay, long withinCommitted, double hours, long[] histogram) {
			this.tasks += tasks;
			this.sameDay += sameDay;
			this.withinCommitted += withinCommitted;
			this.hours += hours;
			IntStream.range(0, Math.min(histogram.length, this.histogram.length))
				.forEach((i) -> this.histogram[i] += histogram[i]);
		}

		Double average() {
			return (this.tasks > 0) ? round(this.hours / this.tasks) : null;
		}

		/**
		 * The bucket bound under which at least 90 % finished; null past the last bound.
		 */
		Integer p90() {
			if (this.tasks == 0) {
				return null;
			}
			long needed = (long) Math.ceil(this.tasks * 0.9);
			long seen = 0;
			for (int i = 0; i < this.histogram.length; i++) {
				seen += this.histogram[i];
				if (seen >= needed) {
					return (i < HOUR_BUCKETS.size()) ? HOUR_BUCKETS.get(i) : null;
				}
			}
			return null;
		}

	}

}
