package org.onevisit.applications;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.ReviewStep;
import org.onevisit.catalog.Workflow;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The applications tables. Lives beside the aggregate (package-private) because it
 * rebuilds it through constructors no other module may call. Saving appends history and
 * updates only the tasks a decision changed, each only if nobody changed it meanwhile.
 */
@Repository
class Applications {

	private static final TypeReference<Map<String, Object>> FORM = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
	};

	private static final TypeReference<List<MaterialRecord>> MATERIALS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final JdbcTemplate batch;

	private final Catalogue catalogue;

	Applications(JdbcClient jdbc, JsonMapper json, JdbcTemplate batch, Catalogue catalogue) {
		this.catalogue = catalogue;
		this.jdbc = jdbc;
		this.json = json;
		this.batch = batch;
	}

	/**
	 * How many tracking numbers one {@code nextval} reserves (the sequence's increment).
	 */
	static final int TRACKING_BLOCK = 50;

	private long trackingNext;

	private long trackingEnd;

	/**
	 * The next tracking sequence number, from a block of {@link #TRACKING_BLOCK} this
	 * node reserved: one database round trip per fifty filings. Numbers stay unique
	 * across nodes; they are in filing order per node, and a restart leaves a gap.
	 */
	synchronized long nextTrackingSequence() {
		if (this.trackingNext >= this.trackingEnd) {
			// the value is the first of the block: 1, 51, 101, … on a new sequence
			long first = this.jdbc.sql("select nextval('applications_tracking_seq')").query(Long.class).single();
			this.trackingNext = first;
			this.trackingEnd = first + TRACKING_BLOCK;
		}
		return this.trackingNext++;
	}

	/** An idempotency key to remember with the application it answered. */
	record Remembered(String filedBy, String key, byte[] hash, Instant at) {
	}

	/**
	 * Inserts a new application with its tasks, its first history and, if given, its
	 * idempotency key, in one statement: filing is the hottest write, and each statement
	 * is a round trip and a plan in PostgreSQL. The tasks' foreign keys are checked at
	 * the end of the statement, when the application row exists.
	 */
	void insert(Application application, Remembered idempotency) {
		List<Task> tasks = application.tasks();
		List<HistoryEntry> history = application.newHistory();
		UUID id = application.id().value();
		this.batch.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement("""
					with application as (
					    insert into applications_application (id, tracking_number, subject_resident_id,
					        subject_credit_code, filed_by, channel, bundle_code, form, materials, status, submitted_at,
					        finished_at, hall_code)
					    values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?)),
					tasks as (
					    insert into applications_task (id, application_id, item_code, item_version, department_code,
					        committed_limit, statutory_limit, step, status, committed_due, statutory_due, paused_since,
					        paused_working_days, missing, reason, version)
					    values %s)%s
					insert into applications_idempotency (filed_by, key, request_hash, application_id, created_at)
					select ?, ?, ?, ?, ? where cast(? as text) is not null
					""".formatted(rows(tasks.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)"),
					history.isEmpty() ? ""
							: ",\nhistory as (" + HISTORY_INSERT + rows(history.size(), HISTORY_ROW) + ")"));
			int p = 0;
			statement.setObject(++p, id);
			statement.setString(++p, application.trackingNumber());
			statement.setString(++p,
					Optional.ofNullable(application.subject().person()).map(ResidentId::value).orElse(null));
			statement.setString(++p,
					Optional.ofNullable(application.subject().business()).map(CreditCode::value).orElse(null));
			statement.setString(++p, application.filedBy());
			statement.setString(++p, application.channel().name());
			statement.setString(++p, application.bundleCode());
			statement.setString(++p, this.json.writeValueAsString(application.form()));
			statement.setString(++p, this.json.writeValueAsString(application.materials()));
			statement.setString(++p, application.status().name());
			statement.setTimestamp(++p, Timestamp.from(application.submittedAt()));
			statement.setTimestamp(++p, timestamp(application.finishedAt()));
			statement.setString(++p, application.hallCode());
			for (Task task : tasks) {
				statement.setObject(++p, task.id().value());
				statement.setObject(++p, id);
				statement.setString(++p, task.plan().itemCode());
				statement.setInt(++p, task.plan().itemVersion());
				statement.setString(++p, task.plan().departmentCode());
				statement.setInt(++p, task.plan().committedLimit());
				statement.setInt(++p, task.plan().statutoryLimit());
				p = bindState(statement, p, task);
				statement.setLong(++p, task.version());
			}
			p = bindHistory(statement, p, id, history);
			boolean remembered = idempotency != null;
			statement.setString(++p, remembered ? idempotency.filedBy() : null);
			statement.setString(++p, remembered ? idempotency.key() : null);
			statement.setBytes(++p, remembered ? idempotency.hash() : null);
			statement.setObject(++p, id);
			statement.setTimestamp(++p, remembered ? Timestamp.from(idempotency.at()) : null);
			statement.setString(++p, remembered ? idempotency.key() : null);
			return statement;
		});
		application.saved();
	}

	/**
	 * Appends history rows, one {@link #HISTORY_ROW} of plain typed values per entry, in
	 * order (the identity numbers them); bound by {@link #bindHistory}. The statements
	 * that change a task or file an application end with it, so that their history is
	 * written in the same round trip. Values rather than arrays to unnest: binding and
	 * parsing arrays of text was a visible part of the database's work per decision.
	 */
	private static final String HISTORY_INSERT = """
			insert into applications_history (application_id, task_id, at, actor, from_state, to_state, reason)
			values\s""";

	private static final String HISTORY_ROW = "(?, ?, ?, ?, ?, ?, ?)";

	/**
	 * Binds what a task's decisions change, from step to reason in the table's column
	 * order, after index {@code p}; answers the last index.
	 */
	private int bindState(PreparedStatement statement, int p, Task task) throws SQLException {
		statement.setString(++p, task.step());
		statement.setString(++p, task.status().name());
		statement.setObject(++p, task.committedDue());
		statement.setObject(++p, task.statutoryDue());
		statement.setTimestamp(++p, timestamp(task.pausedSince()));
		statement.setInt(++p, task.pausedWorkingDays());
		statement.setString(++p, this.json.writeValueAsString(task.missing()));
		statement.setString(++p, task.reason());
		return p;
	}

	/** {@code count} copies of a row of placeholders, for a multi-row VALUES list. */
	private static String rows(int count, String row) {
		return String.join(", ", java.util.Collections.nCopies(count, row));
	}

	/**
	 * Binds the history's rows after index {@code p}; answers the last index.
	 */
	private static int bindHistory(PreparedStatement statement, int p, UUID application, List<HistoryEntry> history)
			throws SQLException {
		for (HistoryEntry entry : history) {
			statement.setObject(++p, application);
			statement.setObject(++p, (entry.task() != null) ? entry.task().value() : null, java.sql.Types.OTHER);
			statement.setTimestamp(++p, Timestamp.from(entry.at()));
			statement.setString(++p, entry.actor());
			statement.setString(++p, entry.from());
			statement.setString(++p, entry.to());
			statement.setString(++p, entry.reason());
		}
		return p;
	}

	/**
	 * Saves what a decision changed: the application's state, the changed tasks
	 * (version-checked), the history.
	 */
	void update(Application application) {
		if (application.materialsChanged()) {
			this.jdbc.sql("update applications_application set materials = cast(:materials as jsonb) where id = :id")
				.param("materials", this.json.writeValueAsString(application.materials()))
				.param("id", application.id().value())
				.update();
		}
		List<Task> changed = application.tasks().stream().filter(Task::changed).toList();
		if (changed.size() == 1 && !application.newHistory().isEmpty()) {
			// the common case, one decision on one task: its update, the application's
			// new status if it has one, and the history in one statement
			updateWithHistory(application, changed.get(0));
			application.saved();
			return;
		}
		if (application.statusChanged()) {
			this.jdbc
				.sql("update applications_application set status = :status, finished_at = :finishedAt where id = :id")
				.param("status", application.status().name())
				.param("finishedAt", timestamp(application.finishedAt()))
				.param("id", application.id().value())
				.update();
		}
		for (Task task : changed) {
			int updated = this.jdbc.sql("""
					update applications_task set step = :step, status = :status, committed_due = :committedDue,
					    statutory_due = :statutoryDue, paused_since = :pausedSince, paused_working_days = :paused,
					    missing = cast(:missing as jsonb), reason = :reason, version = version + 1
					where id = :id and version = :version
					""")
				.param("step", task.step())
				.param("status", task.status().name())
				.param("committedDue", task.committedDue())
				.param("statutoryDue", task.statutoryDue())
				.param("pausedSince", timestamp(task.pausedSince()))
				.param("paused", task.pausedWorkingDays())
				.param("missing", this.json.writeValueAsString(task.missing()))
				.param("reason", task.reason())
				.param("id", task.id().value())
				.param("version", task.version())
				.update();
			if (updated != 1) {
				throw new TaskChanged(task.id());
			}
		}
		appendHistory(application);
		application.saved();
	}

	/**
	 * A decision's task update, the application's status when the decision settled it,
	 * and the history, in one round trip. The history is plain typed values, one row
	 * each, not arrays to unnest: binding and parsing arrays of text was a visible part
	 * of the database's work per decision. If the version check matches no row the rest
	 * is written all the same and {@link TaskChanged} rolls it back.
	 */
	private void updateWithHistory(Application application, Task task) {
		List<HistoryEntry> history = application.newHistory();
		boolean settled = application.statusChanged();
		Integer changed = this.batch.execute(
				(java.sql.Connection connection) -> connection.prepareStatement(DECISION_STATEMENTS.computeIfAbsent(
						history.size() * 2 + (settled ? 1 : 0), (key) -> decisionStatement(history.size(), settled))),
				(PreparedStatement statement) -> {
					int p = bindState(statement, 0, task);
					statement.setObject(++p, task.id().value());
					statement.setLong(++p, task.version());
					if (settled) {
						statement.setString(++p, application.status().name());
						statement.setTimestamp(++p, timestamp(application.finishedAt()));
						statement.setObject(++p, application.id().value());
					}
					bindHistory(statement, p, application.id().value(), history);
					try (ResultSet count = statement.executeQuery()) {
						count.next();
						return count.getInt(1);
					}
				});
		if (changed == null || changed == 0) {
			throw new TaskChanged(task.id());
		}
	}

	/** The decision statements by their shape, so that each is written once. */
	private static final Map<Integer, String> DECISION_STATEMENTS = new java.util.concurrent.ConcurrentHashMap<>();

	private static String decisionStatement(int historyRows, boolean settled) {
		return """
				with changed as (
				    update applications_task set step = ?, status = ?, committed_due = ?, statutory_due = ?,
				        paused_since = ?, paused_working_days = ?, missing = cast(? as jsonb), reason = ?,
				        version = version + 1
				    where id = ? and version = ?
				    returning id),
				""" + (settled ? """
				settled as (
				    update applications_application set status = ?, finished_at = ? where id = ?),
				""" : "") + "history as (" + HISTORY_INSERT + rows(historyRows, HISTORY_ROW) + """
				)
				select count(*) from changed
				""";
	}

	/** Loads the application, locking its row when the caller is about to change it. */
	Optional<Application> load(ApplicationId id, boolean forUpdate) {
		Optional<ApplicationRow> row = this.jdbc
			.sql("select * from applications_application where id = :id" + (forUpdate ? " for update" : ""))
			.param("id", id.value())
			.query((found, rowNum) -> row(found, true))
			.optional();
		return row.map((found) -> found.with(tasksOf(id)));
	}

	/**
	 * Locks the application a task belongs to and loads it to decide the task, with the
	 * task's version as it was when the request began: a decision that waited for another
	 * on the same task sees the change and fails. Without the form, which deciding does
	 * not read.
	 */
	Optional<Decidable> lockForDecision(TaskId task) {
		Optional<Decidable> found = this.jdbc.sql("""
				select a.id, a.tracking_number, a.subject_resident_id, a.subject_credit_code, a.filed_by, a.channel,
				       a.bundle_code, a.materials, a.status, a.submitted_at, a.finished_at, t.version as seen_version
				from applications_task t join applications_application a on a.id = t.application_id
				where t.id = :task
				for update of a
				""").param("task", task.value()).query((row, rowNum) -> {
			// in READ COMMITTED a row lock that waited re-reads only the locked row: the
			// task's version stays the one this statement first saw
			return new Decidable(row(row, false), row.getLong("seen_version"));
		}).optional();
		return found;
	}

	record Decidable(ApplicationRow row, long seenVersion) {
	}

	Application withTasks(ApplicationRow row) {
		return row.with(tasksOf(row.id()));
	}

	Optional<Filing> filing(ApplicationId id) {
		return this.jdbc.sql("""
				select a.id, a.tracking_number, a.subject_resident_id, a.subject_credit_code, a.filed_by, a.bundle_code,
				       a.form, a.materials,
				       (select string_agg(t.item_code || ':' || t.item_version, ',' order by t.item_code)
				        from applications_task t where t.application_id = a.id) as items
				from applications_application a where a.id = :id
				""")
			.param("id", id.value())
			.query((row, rowNum) -> new Filing(id, row.getString("tracking_number"), subject(row),
					row.getString("filed_by"), row.getString("bundle_code"),
					this.json.readValue(row.getString("form"), FORM),
					java.util.Arrays.stream(row.getString("items").split(",")).map((item) -> {
						int colon = item.lastIndexOf(':');
						return new Filing.FiledItem(item.substring(0, colon),
								Integer.parseInt(item.substring(colon + 1)));
					}).toList(), this.json.readValue(row.getString("materials"), MATERIALS)))
			.optional();
	}

	List<ApplicationId> awaitingData(int limit) {
		return this.jdbc.sql("""
				select id from applications_application
				where materials @> '[{"state": "PENDING_FETCH"}]' and status = 'IN_REVIEW'
				order by submitted_at limit :limit
				""").param("limit", limit).query(UUID.class).list().stream().map(ApplicationId::new).toList();
	}

	/** Which application a task belongs to and the task's version now, in one read. */
	Optional<TaskRef> find(TaskId task) {
		return this.jdbc.sql("select application_id, version from applications_task where id = :id")
			.param("id", task.value())
			.query((row, rowNum) -> new TaskRef(new ApplicationId(row.getObject("application_id", UUID.class)),
					row.getLong("version")))
			.optional();
	}

	record TaskRef(ApplicationId application, long version) {
	}

	/**
	 * Open tasks (of the given open statuses) by due date. The open statuses are spelled
	 * out in the query as well, so that the partial index of open tasks serves it under
	 * any plan, generic ones included.
	 */
	List<InboxEntry> openTasks(String department, java.util.Set<TaskStatus> statuses, java.time.LocalDate dueBy,
			java.time.LocalDate dueBefore, int limit) {
		return this.jdbc.sql("""
				select t.id, t.application_id, a.tracking_number, t.item_code, t.step, t.status, t.committed_due,
				       t.statutory_due, a.submitted_at, t.item_version, t.department_code, a.hall_code
				from applications_task t join applications_application a on a.id = t.application_id
				where (cast(:department as text) is null or t.department_code = :department)
				  and t.status in ('IN_REVIEW', 'WAITING_FOR_SUPPLEMENT') and t.status in (:statuses)
				  and (cast(:dueBy as date) is null or t.committed_due <= :dueBy)
				  and (cast(:dueBefore as date) is null or t.committed_due < :dueBefore)
				order by t.committed_due, a.submitted_at
				limit :limit
				""")
			.param("limit", limit)
			.param("department", department)
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.param("dueBy", dueBy)
			.param("dueBefore", dueBefore)
			.query((row, rowNum) -> new InboxEntry(new TaskId(row.getObject("id", UUID.class)),
					new ApplicationId(row.getObject("application_id", UUID.class)), row.getString("tracking_number"),
					row.getString("item_code"), row.getString("step"),
					workflowOf(row.getString("item_code"), row.getInt("item_version")).step(row.getString("step"))
						.map(ReviewStep::displayName)
						.orElse(row.getString("step")),
					TaskStatus.valueOf(row.getString("status")),
					row.getObject("committed_due", java.time.LocalDate.class),
					row.getObject("statutory_due", java.time.LocalDate.class),
					row.getTimestamp("submitted_at").toInstant(), row.getString("department_code"),
					row.getString("hall_code")))
			.list();
	}

	/** What the applicant filed, and what others filed about them, newest first. */
	List<ApplicationId> filedBy(String username, Subject subject) {
		return this.jdbc.sql("""
				select id from applications_application
				where filed_by = :who or coalesce(subject_resident_id, subject_credit_code) = :subject
				order by submitted_at desc limit 200
				""")
			.param("who", username)
			.param("subject", (subject != null) ? subject.identifier() : null)
			.query(UUID.class)
			.list()
			.stream()
			.map(ApplicationId::new)
			.toList();
	}

	List<HistoryEntry> history(ApplicationId id) {
		return this.jdbc.sql("select * from applications_history where application_id = :id order by id")
			.param("id", id.value())
			.query((row, rowNum) -> new HistoryEntry(row.getTimestamp("at").toInstant(), row.getString("actor"),
					Optional.ofNullable(row.getObject("task_id", UUID.class)).map(TaskId::new).orElse(null),
					row.getString("from_state"), row.getString("to_state"), row.getString("reason")))
			.list();
	}

	// ------------------------------------------------------------------ idempotency

	Optional<IdempotentRequest> idempotent(String filedBy, String key) {
		return this.jdbc.sql(
				"select request_hash, application_id from applications_idempotency where filed_by = :who and key = :key")
			.param("who", filedBy)
			.param("key", key)
			.query((row, rowNum) -> new IdempotentRequest(row.getBytes("request_hash"),
					new ApplicationId(row.getObject("application_id", UUID.class))))
			.optional();
	}

	/**
	 * Whether this transaction may work on the key now; false while another transaction
	 * holds it.
	 */
	boolean claim(String filedBy, String key) {
		return this.jdbc.sql("select pg_try_advisory_xact_lock(hashtext(:who), hashtext(:key))")
			.param("who", filedBy)
			.param("key", key)
			.query(Boolean.class)
			.single();
	}

	record IdempotentRequest(byte[] hash, ApplicationId application) {
	}

	// ------------------------------------------------------------------ mapping

	private void appendHistory(Application application) {
		List<HistoryEntry> history = application.newHistory();
		if (history.isEmpty()) {
			return;
		}
		this.batch.update((connection) -> {
			PreparedStatement statement = connection
				.prepareStatement(HISTORY_INSERT + rows(history.size(), HISTORY_ROW));
			bindHistory(statement, 0, application.id().value(), history);
			return statement;
		});
	}

	private List<Task> tasksOf(ApplicationId id) {
		return this.jdbc.sql("""
				select id, item_code, item_version, department_code, committed_limit, statutory_limit, step, status,
				       committed_due, statutory_due, paused_since, paused_working_days, missing, reason, version
				from applications_task where application_id = :id order by item_code
				""")
			.param("id", id.value())
			.query((row, rowNum) -> new Task(new TaskId(row.getObject("id", UUID.class)),
					new PlannedTask(row.getString("item_code"), row.getInt("item_version"),
							row.getString("department_code"),
							workflowOf(row.getString("item_code"), row.getInt("item_version")),
							row.getInt("committed_limit"), row.getInt("statutory_limit")),
					row.getString("step"), TaskStatus.valueOf(row.getString("status")),
					row.getObject("committed_due", java.time.LocalDate.class),
					row.getObject("statutory_due", java.time.LocalDate.class), instant(row, "paused_since"),
					row.getInt("paused_working_days"), missing(row.getString("missing")), row.getString("reason"),
					row.getLong("version")))
			.list();
	}

	record ApplicationRow(ApplicationId id, String tracking, Subject subject, String filedBy, Channel channel,
			String bundle, Map<String, Object> form, List<MaterialRecord> materials, ApplicationStatus status,
			Instant submittedAt, Instant finishedAt) {

		Application with(List<Task> tasks) {
			return new Application(this.id, this.tracking, this.subject, this.filedBy, this.channel, this.bundle,
					this.form, this.materials, tasks, this.submittedAt, this.status, this.finishedAt);
		}

	}

	private ApplicationRow row(ResultSet row, boolean withForm) throws SQLException {
		Subject subject = subject(row);
		return new ApplicationRow(new ApplicationId(row.getObject("id", UUID.class)), row.getString("tracking_number"),
				subject, row.getString("filed_by"), Channel.valueOf(row.getString("channel")),
				row.getString("bundle_code"), withForm ? this.json.readValue(row.getString("form"), FORM) : null,
				this.json.readValue(row.getString("materials"), MATERIALS),
				ApplicationStatus.valueOf(row.getString("status")), row.getTimestamp("submitted_at").toInstant(),
				instant(row, "finished_at"));
	}

	/** What a supplement request named; nothing for nearly every task, so no parsing. */
	private List<String> missing(String json) {
		return "[]".equals(json) ? List.of() : this.json.readValue(json, TEXTS);
	}

	/**
	 * Published catalogue versions never change: the task's review steps are its item
	 * version's.
	 */
	private Workflow workflowOf(String itemCode, int itemVersion) {
		return this.catalogue.item(itemCode, itemVersion).content().workflow();
	}

	private static Subject subject(ResultSet row) throws SQLException {
		String person = row.getString("subject_resident_id");
		return (person != null) ? Subject.person(ResidentId.of(person))
				: Subject.business(CreditCode.of(row.getString("subject_credit_code")));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static Timestamp timestamp(Instant at) {
		return (at != null) ? Timestamp.from(at) : null;
	}

}
