package org.onevisit.supervision.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.InboxEntry;
import org.onevisit.catalog.Department;
import org.onevisit.catalog.Directory;
import org.onevisit.catalog.Region;
import org.onevisit.shared.WorkingDays;
import org.onevisit.supervision.SupervisedTask;
import org.onevisit.supervision.Supervision;
import org.onevisit.supervision.Timeliness;
import org.onevisit.supervision.Warning;
import org.onevisit.supervision.WarningChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

@Service
class SupervisionService implements Supervision {

	private static final Logger log = LoggerFactory.getLogger(SupervisionService.class);

	private final ApplicationManagement applications;

	private final JdbcClient jdbc;

	private final List<WarningChannel> channels;

	private final WorkingDays calendar;

	private final Clock clock;

	private final Directory directory;

	SupervisionService(ApplicationManagement applications, JdbcClient jdbc, List<WarningChannel> channels,
			WorkingDays calendar, Clock clock, Directory directory) {
		this.directory = directory;
		this.applications = applications;
		this.jdbc = jdbc;
		this.channels = channels;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public List<SupervisedTask> watchList(Scope scope) {
		LocalDate today = LocalDate.now(this.clock);
		// yellow at the latest one working day ahead: nothing due later needs watching
		LocalDate horizon = this.calendar.addWorkingDays(today, 1).date();
		Predicate<String> inRegion = departmentsIn(scope);
		return this.applications.underReviewDueBy(horizon)
			.stream()
			.filter((entry) -> scope.department() == null || scope.department().equals(entry.departmentCode()))
			.filter((entry) -> scope.hall() == null || scope.hall().equals(entry.hallCode()))
			.filter((entry) -> inRegion.test(entry.departmentCode()))
			.map((entry) -> supervised(entry, today))
			.filter((task) -> task.timeliness().light() != Timeliness.Light.GREEN)
			.sorted(Comparator.comparing(SupervisedTask::committedDue))
			.toList();
	}

	@Override
	public Map<String, Counts> board(Scope scope) {
		return countBy(SupervisedTask::departmentCode, scope.regional());
	}

	@Override
	public Map<String, Counts> hallBoard(Scope scope) {
		return countBy(SupervisedTask::hallCode, scope.regional());
	}

	/**
	 * Whether a department is of the scope's region (or a region under it) and level, as
	 * the dashboard narrows items: a task is the region's whose department handles it.
	 */
	private Predicate<String> departmentsIn(Scope scope) {
		if (scope.region() == null && scope.level() == null) {
			return (department) -> true;
		}
		List<Region> regions = this.directory.regions();
		Set<String> under = (scope.region() != null) ? Region.andBelow(scope.region(), regions) : null;
		Set<String> ofLevel = (scope.level() != null) ? regions.stream()
			.filter((region) -> region.level() == scope.level())
			.map(Region::code)
			.collect(Collectors.toSet()) : null;
		Map<String, String> regionOf = this.directory.departments()
			.stream()
			.filter((department) -> department.regionCode() != null)
			.collect(Collectors.toMap(Department::code, Department::regionCode));
		return (department) -> {
			String region = regionOf.get(department);
			return region != null && (under == null || under.contains(region))
					&& (ofLevel == null || ofLevel.contains(region));
		};
	}

	private Map<String, Counts> countBy(Function<SupervisedTask, String> key, Scope scope) {
		Map<String, Counts> board = new TreeMap<>();
		for (SupervisedTask task : watchList(scope)) {
			if (key.apply(task) == null) {
				continue;
			}
			Counts counts = board.getOrDefault(key.apply(task), new Counts(0, 0, 0));
			Timeliness timeliness = task.timeliness();
			board.put(key.apply(task),
					new Counts(counts.yellow() + ((timeliness.light() == Timeliness.Light.YELLOW) ? 1 : 0),
							counts.red() + ((timeliness.light() == Timeliness.Light.RED) ? 1 : 0),
							counts.pastStatutory() + (timeliness.pastStatutory() ? 1 : 0)));
		}
		return board;
	}

	/** The scheduled scan, on one node at a time. */
	@SchedulerLock(name = "supervision-scan")
	@Scheduled(fixedDelayString = "${onevisit.supervision.scan-interval:PT5M}", initialDelayString = "PT20S")
	void scheduledScan() {
		scan();
	}

	@Override
	public int scan() {
		int sent = 0;
		for (SupervisedTask task : watchList(Scope.ALL)) {
			List<Warning.Level> levels = new ArrayList<>();
			levels.add((task.timeliness().light() == Timeliness.Light.RED) ? Warning.Level.RED : Warning.Level.YELLOW);
			if (task.timeliness().pastStatutory()) {
				levels.add(Warning.Level.STATUTORY);
			}
			for (Warning.Level level : levels) {
				Warning warning = new Warning(task.task(), task.application(), task.trackingNumber(),
						task.departmentCode(), task.itemCode(), level, task.committedDue(), task.statutoryDue(),
						this.clock.instant());
				if (record(warning)) {
					sent++;
					for (WarningChannel channel : this.channels) {
						try {
							channel.send(warning);
						}
						catch (RuntimeException ex) {
							// the warning stands in the app; an outside channel failing
							// does not take it back
							log.warn("Warning channel {} failed for task {}", channel, warning.task(), ex);
						}
					}
				}
			}
		}
		return sent;
	}

	@Override
	public List<Warning> warningsTo(String departmentCode) {
		return this.jdbc
			.sql("select * from supervision_warning where department = :department order by sent_at desc limit 500")
			.param("department", departmentCode)
			.query((row, n) -> new Warning(row.getObject("task_id", UUID.class),
					row.getObject("application_id", UUID.class), row.getString("tracking_number"),
					row.getString("department"), row.getString("item_code"),
					Warning.Level.valueOf(row.getString("level")), row.getObject("committed_due", LocalDate.class),
					row.getObject("statutory_due", LocalDate.class), row.getTimestamp("sent_at").toInstant()))
			.list();
	}

	/** True when this call recorded it: another node or an earlier scan did not. */
	private boolean record(Warning warning) {
		return this.jdbc.sql("""
				insert into supervision_warning (task_id, level, application_id, tracking_number, department, item_code,
				    committed_due, statutory_due, sent_at)
				values (:task, :level, :application, :tracking, :department, :item, :committed, :statutory, :at)
				on conflict (task_id, level) do nothing
				""")
			.param("task", warning.task())
			.param("level", warning.level().name())
			.param("application", warning.application())
			.param("tracking", warning.trackingNumber())
			.param("department", warning.departmentCode())
			.param("item", warning.itemCode())
			.param("committed", warning.committedDue())
			.param("statutory", warning.statutoryDue())
			.param("at", Timestamp.from(warning.sentAt()))
			.update() == 1;
	}

	private SupervisedTask supervised(InboxEntry entry, LocalDate today) {
		return new SupervisedTask(entry.task().value(), entry.application().value(), entry.trackingNumber(),
				entry.departmentCode(), entry.itemCode(), entry.stepLabel(), entry.hallCode(), entry.committedDue(),
				entry.statutoryDue(), Timeliness.on(today, entry.committedDue(), entry.statutoryDue(), this.calendar));
	}

}
