package org.onevisit.applications.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.applications.ApplicationSummary;
import org.onevisit.applications.Channel;
import org.onevisit.applications.Filing;
import org.onevisit.applications.HistoryEntry;
import org.onevisit.applications.InboxEntry;
import org.onevisit.applications.MaterialRecord;
import org.onevisit.applications.PartyConfirmation;
import org.onevisit.applications.PlannedTask;
import org.onevisit.applications.Supplement;
import org.onevisit.applications.SupplementItem;
import org.onevisit.applications.Task;
import org.onevisit.applications.TaskChanged;
import org.onevisit.applications.TaskId;
import org.onevisit.applications.TaskStatus;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.Party;
import org.onevisit.catalog.ReviewStep;
import org.onevisit.catalog.Workflow;
import org.onevisit.privacy.PersonalData;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.EmptySqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.ConcurrentLruCache;

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

	private static final TypeReference<List<StoredParty>> PARTIES = new TypeReference<>() {
	};

	private static final TypeReference<List<SupplementItem>> ITEMS = new TypeReference<>() {
	};

	private static final TypeReference<List<Supplement.Change>> CHANGES = new TypeReference<>() {
	};

	private static final String ANSWER_COLUMN = "applications_supplement.answer";

	/** The statuses in which a matter waits for something outside the departments. */
	private static final Set<ApplicationStatus> WAITING = EnumSet.of(ApplicationStatus.AWAITING_PARTIES,
			ApplicationStatus.AWAITING_PAYMENT);

	private final JdbcClient jdbc;

	// for the reads sent as two statements in one round trip, which JdbcClient does not
	// offer
	private final JdbcTemplate template;

	private final JsonMapper json;

	private final Catalogue catalogue;

	private final PersonalData personalData;

	Applications(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, Catalogue catalogue,
			PersonalData personalData) {
		this.catalogue = catalogue;
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
		this.personalData = personalData;
	}

	// contexts of the sealed columns: a value moved to another column does not open
	private static final String FORM_COLUMN = "applications_application.form";

	private static final String SUBJECT_COLUMN = "applications_application.subject_resident_id";

	private static final String PARTIES_COLUMN = "applications_application.parties";

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
	 * is a round trip and a plan in PostgreSQL (ADR 7). The tasks' foreign keys are
	 * checked at the end of the statement, when the application row exists.
	 */
	void insert(Application application, Remembered idempotency) {
		Statement statement = new Statement(application.id());
		statement.with("application", """
				insert into applications_application (id, tracking_number, subject_resident_id, subject_credit_code,
				    subject_index, filed_by, channel, bundle_code, form, materials, parties, status, submitted_at,
				    finished_at, hall_code, owning_hall_code)
				values (:application, :tracking, :residentId, :creditCode, :subjectIndex, :filedBy, :channel, :bundle,
				    :form, cast(:materials as jsonb), cast(:parties as jsonb), :status, :submittedAt,
				    cast(:finishedAt as timestamptz), :hall, :owningHall)""")
			.bind("tracking", application.trackingNumber())
			.bindText("residentId",
					this.personalData.seal(
							Optional.ofNullable(application.subject().person()).map(ResidentId::value).orElse(null),
							SUBJECT_COLUMN))
			.bindText("creditCode",
					Optional.ofNullable(application.subject().business()).map(CreditCode::value).orElse(null))
			.bind("subjectIndex", subjectIndex(application.subject()))
			.bind("filedBy", application.filedBy())
			.bind("channel", application.channel().name())
			.bindText("bundle", application.bundleCode())
			.bind("form", this.personalData.seal(this.json.writeValueAsString(application.form()), FORM_COLUMN))
			.bind("materials", this.json.writeValueAsString(application.materials()))
			.bind("parties", parties(application.parties()))
			.bind("status", application.status().name())
			.bind("submittedAt", utc(application.submittedAt()))
			.bind("finishedAt", utc(application.finishedAt()))
			.bindText("hall", application.hallCode())
			.bindText("owningHall", application.owningHallCode());
		List<Task> tasks = application.tasks();
		statement.with("tasks", """
				insert into applications_task (id, application_id, item_code, item_version, department_code,
				    committed_limit, statutory_limit, step, status, committed_due, statutory_due, paused_since,
				    paused_working_days, missing, reason, version, awaiting)
				values\s""" + statement.rows(tasks.size(), """
				(:t#_id, :application, :t#_item, :t#_itemVersion, :t#_department, :t#_committedLimit,
				    :t#_statutoryLimit, :t#_step, :t#_status, :t#_committedDue, :t#_statutoryDue,
				    cast(:t#_pausedSince as timestamptz), :t#_paused, cast(:t#_missing as jsonb), :t#_reason,
				    :t#_version, cast(:t#_awaiting as jsonb))"""));
		for (int t = 0; t < tasks.size(); t++) {
			Task task = tasks.get(t);
			statement.bind("t" + t + "_item", task.plan().itemCode())
				.bind("t" + t + "_itemVersion", task.plan().itemVersion())
				.bind("t" + t + "_department", task.plan().departmentCode())
				.bind("t" + t + "_committedLimit", task.plan().committedLimit())
				.bind("t" + t + "_statutoryLimit", task.plan().statutoryLimit());
			bindState(statement, "t" + t + "_", task);
		}
		appendHistory(statement, application.newHistory());
		if (WAITING.contains(application.status())) {
			statement.with("waiting", """
					insert into applications_waiting (application_id, waiting_for, since)
					values (:application, :waitingFor, :waitingSince)""")
				.bind("waitingFor", application.status().name())
				.bind("waitingSince", utc(application.submittedAt()));
		}
		boolean remembered = idempotency != null;
		statement.finish("""
				insert into applications_idempotency (filed_by, key, request_hash, application_id, created_at)
				select :keyFiledBy, :key, :keyHash, :application, :keyAt where cast(:key as text) is not null""")
			.bindText("keyFiledBy", remembered ? idempotency.filedBy() : null)
			.bindText("key", remembered ? idempotency.key() : null)
			// a filing without a key binds a null of the key's type (ADR 18)
			.bind("keyHash", remembered ? idempotency.hash() : null, Types.BINARY)
			.bind("keyAt", remembered ? utc(idempotency.at()) : null);
		statement.update(this.template);
	}

	/**
	 * The tracking number of a matter in progress on one of the objects, if there is one.
	 */
	Optional<String> openMatterOn(List<String> objects) {
		return this.jdbc.sql("select tracking_number from applications_open_matter where matter_key in (:keys) limit 1")
			.param("keys", objects.stream().map(this::objectKey).toList())
			.query(String.class)
			.optional();
	}

	/**
	 * Claims the objects for a new application; if a matter in progress holds one of them
	 * already (one filed concurrently, whose transaction this waits for), answers its
	 * tracking number and claims nothing that counts: the caller's transaction is rolled
	 * back.
	 */
	Optional<String> claimObjects(List<String> objects, Application application) {
		List<String> keys = objects.stream().map(this::objectKey).distinct().toList();
		int claimed = this.jdbc.sql("""
				insert into applications_open_matter (matter_key, application_id, tracking_number)
				select key, :application, :tracking from unnest(cast(:keys as text[])) as key
				on conflict (matter_key) do nothing""")
			.param("application", application.id().value())
			.param("tracking", application.trackingNumber())
			.param("keys", keys.toArray(String[]::new))
			.update();
		if (claimed == keys.size()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select tracking_number from applications_open_matter
				where matter_key in (:keys) and application_id <> :application limit 1""")
			.param("keys", keys)
			.param("application", application.id().value())
			.query(String.class)
			.optional();
	}

	/** The objects a finished matter was about are free for the next matter on them. */
	void releaseObjects(ApplicationId application) {
		this.jdbc.sql("delete from applications_open_matter where application_id = :application")
			.param("application", application.value())
			.update();
	}

	/**
	 * An object's key: its blind index (a keyed SM3 hash), as the values name people by
	 * their ID numbers, which a plain hash would give away to anyone who tries them all.
	 */
	private String objectKey(String object) {
		return this.personalData.blindIndex("applications_open_matter", object);
	}

	/**
	 * An application loaded to be changed, with the state it was loaded in: saving writes
	 * what differs from it, and checks each changed task against the version it was
	 * loaded at.
	 */
	record Loaded(Application application, ApplicationStatus status, List<MaterialRecord> materials,
			List<PartyConfirmation> parties, Map<TaskId, Long> versions) {

		static Loaded of(Application application) {
			return new Loaded(application, application.status(), application.materials(), application.parties(),
					application.tasks().stream().collect(Collectors.toUnmodifiableMap(Task::id, Task::version)));
		}

	}

	/**
	 * Saves what the application's verbs changed since it was loaded, in one statement:
	 * the application's row if its status or materials differ, each changed task only if
	 * nobody changed it meanwhile, and the new history. A task changed meanwhile is
	 * {@link TaskChanged}, and the transaction rolls the rest back.
	 */
	void save(Loaded loaded) {
		Application application = loaded.application();
		List<Task> changed = application.tasks()
			.stream()
			.filter((task) -> task.version() != loaded.versions().get(task.id()))
			.toList();
		boolean settled = application.status() != loaded.status();
		boolean materials = !application.materials().equals(loaded.materials());
		boolean parties = !application.parties().equals(loaded.parties());
		List<HistoryEntry> history = application.newHistory();
		boolean form = application.formCorrected();
		List<Supplement> requested = application.newSupplements();
		List<Supplement.Answered> answered = application.answeredSupplements();
		if (changed.isEmpty() && !settled && !materials && !parties && !form && history.isEmpty() && requested.isEmpty()
				&& answered.isEmpty()) {
			return;
		}
		Statement statement = new Statement(application.id());
		if (settled || materials || parties || form) {
			List<String> columns = new ArrayList<>();
			if (settled) {
				columns.add("status = :status, finished_at = cast(:finishedAt as timestamptz)");
				statement.bind("status", application.status().name()).bind("finishedAt", utc(application.finishedAt()));
			}
			if (materials) {
				columns.add("materials = cast(:materials as jsonb)");
				statement.bind("materials", this.json.writeValueAsString(application.materials()));
			}
			if (parties) {
				columns.add("parties = cast(:parties as jsonb)");
				statement.bind("parties", parties(application.parties()));
			}
			if (form) {
				columns.add("form = :form");
				statement.bind("form",
						this.personalData.seal(this.json.writeValueAsString(application.form()), FORM_COLUMN));
			}
			statement.with(settled ? "status" : "application",
					"update applications_application set " + String.join(", ", columns) + " where id = :application");
		}
		if (settled) {
			waitingChanged(statement, loaded.status(), application.status(), history);
		}
		for (int t = 0; t < changed.size(); t++) {
			Task task = changed.get(t);
			statement
				.with("t" + t + "_changed",
						"""
								update applications_task set step = :t#_step, status = :t#_status, committed_due = :t#_committedDue,
								    statutory_due = :t#_statutoryDue, paused_since = cast(:t#_pausedSince as timestamptz),
								    paused_working_days = :t#_paused, missing = cast(:t#_missing as jsonb), reason = :t#_reason,
								    version = :t#_version, awaiting = cast(:t#_awaiting as jsonb),
								    asked = cast(:t#_asked as jsonb), supplement_due = cast(:t#_supplementDue as date)
								where id = :t#_id and version = :t#_loadedVersion
								returning id"""
							.replace("#", String.valueOf(t)))
				.bind("t" + t + "_loadedVersion", loaded.versions().get(task.id()));
			bindState(statement, "t" + t + "_", task);
		}
		appendHistory(statement, history);
		supplements(statement, requested, answered);
		statement.finish(changed.isEmpty() ? "select 0"
				: "select " + IntStream.range(0, changed.size())
					.mapToObj((t) -> "(select count(*) from t" + t + "_changed)")
					.collect(Collectors.joining(" + ")));
		int saved = statement.queryForCount(this.template);
		if (saved != changed.size()) {
			throw new TaskChanged(changed.get(0).id());
		}
	}

	/**
	 * Enters a matter that begins to wait into the waiting matters, since the change's
	 * own history row, and takes out one that stops waiting.
	 */
	private static void waitingChanged(Statement statement, ApplicationStatus from, ApplicationStatus to,
			List<HistoryEntry> history) {
		if (WAITING.contains(to)) {
			Instant since = history.stream()
				.filter((entry) -> entry.task() == null && to.name().equals(entry.to()))
				.map(HistoryEntry::at)
				.reduce((first, second) -> second)
				.orElseThrow(() -> new IllegalStateException("a matter begins to wait without its history row"));
			statement.with("waiting",
					"""
							insert into applications_waiting (application_id, waiting_for, since)
							values (:application, :waitingFor, :waitingSince)
							on conflict (application_id) do update set waiting_for = excluded.waiting_for, since = excluded.since""")
				.bind("waitingFor", to.name())
				.bind("waitingSince", utc(since));
		}
		else if (WAITING.contains(from)) {
			statement.with("waited", "delete from applications_waiting where application_id = :application");
		}
	}

	/**
	 * Keeps each supplement request made, and each answer given with the request it
	 * answers (the one of its task still open): the answer sealed, as a corrected field
	 * holds personal data, the uploads it names in the clear.
	 */
	private void supplements(Statement statement, List<Supplement> requested, List<Supplement.Answered> answered) {
		for (int r = 0; r < requested.size(); r++) {
			Supplement request = requested.get(r);
			statement.with("s" + r + "_requested", """
					insert into applications_supplement (id, application_id, task_id, requested_at, requested_by,
					    items, lines, due)
					values (:s#_id, :application, :s#_task, :s#_at, :s#_by, cast(:s#_items as jsonb),
					    cast(:s#_lines as jsonb), cast(:s#_due as date))""".replace("#", String.valueOf(r)))
				.bind("s" + r + "_id", UUID.randomUUID())
				.bind("s" + r + "_task", request.task().value())
				.bind("s" + r + "_at", utc(request.requestedAt()))
				.bind("s" + r + "_by", request.requestedBy())
				.bind("s" + r + "_items", this.json.writeValueAsString(request.items()))
				.bind("s" + r + "_lines", this.json.writeValueAsString(request.lines()))
				.bind("s" + r + "_due", request.due());
		}
		for (int a = 0; a < answered.size(); a++) {
			Supplement.Answered answer = answered.get(a);
			List<String> uploads = answer.changes()
				.stream()
				.filter((change) -> change.kind() == SupplementItem.Kind.MATERIAL)
				.flatMap((change) -> Stream.of(change.before(), change.after()))
				.filter((upload) -> upload != null)
				.distinct()
				.toList();
			statement.with("a" + a + "_answered", """
					update applications_supplement set answered_at = :a#_at, answered_by = :a#_by,
					    answer = :a#_answer, uploads = cast(:a#_uploads as jsonb)
					where task_id = :a#_task and answered_at is null""".replace("#", String.valueOf(a)))
				.bind("a" + a + "_task", answer.task().value())
				.bind("a" + a + "_at", utc(answer.at()))
				.bind("a" + a + "_by", answer.by())
				// bound to its task: an answer copied to another request does not open
				.bind("a" + a + "_answer",
						this.personalData.seal(this.json.writeValueAsString(answer.changes()),
								ANSWER_COLUMN + "/" + answer.task().value()))
				.bind("a" + a + "_uploads", this.json.writeValueAsString(uploads));
		}
	}

	/**
	 * Every supplement request of the matter, oldest first, with its answer opened when
	 * it was answered.
	 */
	List<Supplement> supplements(ApplicationId id) {
		return this.jdbc.sql("""
				select task_id, requested_at, requested_by, items, lines, due, answered_at, answered_by, answer
				from applications_supplement where application_id = :id order by requested_at, id
				""").param("id", id.value()).query((row, rowNum) -> {
			UUID task = row.getObject("task_id", UUID.class);
			String answer = row.getString("answer");
			return new Supplement(new TaskId(task), row.getTimestamp("requested_at").toInstant(),
					row.getString("requested_by"), this.json.readValue(row.getString("items"), ITEMS),
					this.json.readValue(row.getString("lines"), TEXTS), row.getObject("due", LocalDate.class),
					instant(row, "answered_at"), row.getString("answered_by"),
					(answer != null)
							? this.json.readValue(this.personalData.open(answer, ANSWER_COLUMN + "/" + task), CHANGES)
							: List.of());
		}).list();
	}

	/**
	 * Matters with a supplement asked for whose last day passed before today, oldest
	 * deadline first.
	 */
	List<ApplicationId> pastSupplementDue(LocalDate today, int limit) {
		return this.jdbc.sql("""
				select application_id from applications_task
				where status = 'WAITING_FOR_SUPPLEMENT' and supplement_due < :today
				group by application_id order by min(supplement_due) limit :limit
				""")
			.param("today", today)
			.param("limit", limit)
			.query(UUID.class)
			.list()
			.stream()
			.map(ApplicationId::new)
			.toList();
	}

	/** Binds a task's id and everything its transitions change, under the prefix. */
	private void bindState(Statement statement, String prefix, Task task) {
		statement.bind(prefix + "id", task.id().value())
			.bind(prefix + "step", task.step())
			.bind(prefix + "status", task.status().name())
			.bind(prefix + "committedDue", task.committedDue())
			.bind(prefix + "statutoryDue", task.statutoryDue())
			.bind(prefix + "pausedSince", utc(task.pausedSince()))
			.bind(prefix + "paused", task.pausedWorkingDays())
			.bind(prefix + "missing", this.json.writeValueAsString(task.missing()))
			.bindText(prefix + "reason", task.reason())
			.bind(prefix + "version", task.version())
			.bind(prefix + "awaiting", task.awaiting().isEmpty() ? "[]" : this.json.writeValueAsString(task.awaiting()))
			.bind(prefix + "asked", task.asked().isEmpty() ? "[]" : this.json.writeValueAsString(task.asked()))
			.bind(prefix + "supplementDue", task.supplementDue());
	}

	/**
	 * Appends the history rows, in order (the identity numbers them), as plain typed
	 * values: binding and parsing arrays of text to unnest was a visible part of the
	 * database's work per decision.
	 */
	private static void appendHistory(Statement statement, List<HistoryEntry> history) {
		if (history.isEmpty()) {
			return;
		}
		statement.with("history", """
				insert into applications_history (application_id, task_id, at, actor, from_state, to_state, reason)
				values\s""" + statement.rows(history.size(),
				"(:application, cast(:h#_task as uuid), :h#_at, :h#_actor, :h#_from, :h#_to, :h#_reason)"));
		for (int h = 0; h < history.size(); h++) {
			HistoryEntry entry = history.get(h);
			statement.bind("h" + h + "_task", (entry.task() != null) ? entry.task().value() : null)
				.bind("h" + h + "_at", utc(entry.at()))
				.bind("h" + h + "_actor", entry.actor())
				.bindText("h" + h + "_from", entry.from())
				.bindText("h" + h + "_to", entry.to())
				.bindText("h" + h + "_reason", entry.reason());
		}
	}

	/**
	 * One statement of data-modifying parts ({@code with name as (…)}) and a last part,
	 * with named parameters: one round trip however many rows a change writes.
	 */
	private static final class Statement {

		private final List<String> parts = new ArrayList<>();

		private final Map<String, Object> params = new HashMap<>();

		private String last;

		Statement(ApplicationId application) {
			this.params.put("application", application.value());
		}

		Statement with(String name, String sql) {
			this.parts.add(name + " as (\n" + sql + ")");
			return this;
		}

		Statement finish(String sql) {
			this.last = sql;
			return this;
		}

		Statement bind(String name, Object value) {
			this.params.put(name, value);
			return this;
		}

		/**
		 * A value that may be null, bound with its type either way (ADR 18): a person's
		 * filing after a business's, or one without a key after one with, is then the
		 * same prepared statement.
		 */
		Statement bind(String name, Object value, int sqlType) {
			this.params.put(name, new SqlParameterValue(sqlType, value));
			return this;
		}

		/** A text that may be null, bound as text either way. */
		Statement bindText(String name, String value) {
			return bind(name, value, Types.VARCHAR);
		}

		/** {@code count} copies of a row, {@code #} numbered from 0 in each. */
		String rows(int count, String row) {
			return IntStream.range(0, count)
				.mapToObj((n) -> row.replace("#", String.valueOf(n)))
				.collect(Collectors.joining(",\n"));
		}

		String sql() {
			return (this.parts.isEmpty() ? "" : "with " + String.join(",\n", this.parts) + "\n") + this.last;
		}

		void update(JdbcTemplate template) {
			Parsed parsed = PARSED.get(sql());
			template.update(parsed.positional(), parsed.values(this.params));
		}

		int queryForCount(JdbcTemplate template) {
			Parsed parsed = PARSED.get(sql());
			return template.queryForObject(parsed.positional(), Integer.class, parsed.values(this.params));
		}

		/**
		 * Each shape of statement (so many tasks, so many history rows) parsed once, as
		 * {@code NamedParameterJdbcTemplate} would on every call: the text with its names
		 * replaced by {@code ?}, handed to the driver as the same string each time, and
		 * the names in their order. Shapes are few; the least used go.
		 */
		private static final ConcurrentLruCache<String, Parsed> PARSED = new ConcurrentLruCache<>(256, Parsed::of);

		private record Parsed(String positional, String[] names) {

			static Parsed of(String sql) {
				ParsedSql named = NamedParameterUtils.parseSqlStatement(sql);
				// the names in the order of their placeholders, as Spring binds them
				String[] names = NamedParameterUtils.buildSqlParameterList(named, EmptySqlParameterSource.INSTANCE)
					.stream()
					.map(SqlParameter::getName)
					.toArray(String[]::new);
				return new Parsed(NamedParameterUtils.substituteNamedParameters(named, null), names);
			}

			/**
			 * The values in the order of the names, read from the map without copying it
			 * into a parameter source first; a name without one is an error.
			 */
			Object[] values(Map<String, Object> params) {
				Object[] values = new Object[this.names.length];
				for (int i = 0; i < values.length; i++) {
					values[i] = params.get(this.names[i]);
					if (values[i] == null && !params.containsKey(this.names[i])) {
						throw new InvalidDataAccessApiUsageException(
								"No value supplied for the SQL parameter '" + this.names[i] + "'");
					}
				}
				return values;
			}

		}

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
	 * <p>
	 * Two statements, sent together in one round trip: the driver sends both before it
	 * waits for an answer, and the server runs the second once the first holds the lock.
	 * Not one statement: under READ COMMITTED a statement reads as of its start, so tasks
	 * read by the locking statement would be those from before a decision that held the
	 * lock committed (the last two departments approving at once would each see the
	 * other's task open, and neither would find every task approved). The second
	 * statement starts after the lock is held and reads what was committed by then.
	 */
	Optional<Decidable> lockForDecision(TaskId task) {
		return this.template.execute(LOCK_FOR_DECISION, (PreparedStatement statement) -> {
			statement.setObject(1, task.value());
			statement.setObject(2, task.value());
			statement.execute();
			ApplicationRow found = null;
			long seenVersion = 0;
			try (ResultSet row = statement.getResultSet()) {
				if (row.next()) {
					// in READ COMMITTED a row lock that waited re-reads only the locked
					// row: the task's version stays the one this statement first saw
					found = row(row, false);
					seenVersion = row.getLong("seen_version");
				}
			}
			if (!statement.getMoreResults()) {
				throw new IllegalStateException("the tasks of the application were not read");
			}
			List<Task> tasks = new ArrayList<>();
			try (ResultSet rows = statement.getResultSet()) {
				while (rows.next()) {
					tasks.add(task(rows));
				}
			}
			return (found != null) ? Optional.of(new Decidable(found.with(tasks), seenVersion))
					: Optional.<Decidable>empty();
		});
	}

	private static final String TASK_COLUMNS = """
			select id, item_code, item_version, department_code, committed_limit, statutory_limit, step, status,
			       committed_due, statutory_due, paused_since, paused_working_days, missing, reason, version,
			       awaiting, asked, supplement_due
			from applications_task
			""";

	private static final String LOCK_FOR_DECISION = """
			select a.id, a.tracking_number, a.subject_resident_id, a.subject_credit_code, a.filed_by, a.channel,
			       a.bundle_code, a.materials, a.parties, a.status, a.submitted_at, a.finished_at, a.hall_code,
			       a.owning_hall_code, t.version as seen_version
			from applications_task t join applications_application a on a.id = t.application_id
			where t.id = ?
			for update of a;
			""" + TASK_COLUMNS + """
			where application_id = (select application_id from applications_task where id = ?)
			order by item_code
			""";

	/**
	 * An application loaded to decide a task, and that task's version when it was read.
	 */
	record Decidable(Application application, long seenVersion) {
	}

	Optional<Filing> filing(ApplicationId id) {
		return this.jdbc.sql("""
				select a.id, a.tracking_number, a.subject_resident_id, a.subject_credit_code, a.filed_by, a.channel,
				       a.bundle_code, a.form, a.materials,
				       (select string_agg(t.item_code || ':' || t.item_version, ',' order by t.item_code)
				        from applications_task t where t.application_id = a.id) as items
				from applications_application a where a.id = :id
				""")
			.param("id", id.value())
			.query((row, rowNum) -> new Filing(id, row.getString("tracking_number"), subject(row),
					row.getString("filed_by"), Channel.valueOf(row.getString("channel")), row.getString("bundle_code"),
					form(row), Arrays.stream(row.getString("items").split(",")).map((item) -> {
						int colon = item.lastIndexOf(':');
						return new Filing.FiledItem(item.substring(0, colon),
								Integer.parseInt(item.substring(colon + 1)));
					}).toList(), this.json.readValue(row.getString("materials"), MATERIALS)))
			.optional();
	}

	/**
	 * What other modules may know of a matter, in one read of its row and its tasks'
	 * items: without the form, the materials or the parties, which a summary does not
	 * show.
	 */
	Optional<ApplicationSummary> summary(ApplicationId id) {
		List<ApplicationSummary> found = new ArrayList<>(1);
		List<ApplicationSummary.Item> items = new ArrayList<>();
		this.jdbc.sql("""
				select a.id, a.tracking_number, a.subject_resident_id, a.subject_credit_code, a.filed_by, a.channel,
				       a.status, a.submitted_at, a.finished_at, a.hall_code, t.item_code, t.item_version,
				       t.department_code
				from applications_application a left join applications_task t on t.application_id = a.id
				where a.id = :id order by t.item_code
				""").param("id", id.value()).query((row) -> {
			if (found.isEmpty()) {
				found.add(new ApplicationSummary(id, row.getString("tracking_number"), subject(row),
						row.getString("filed_by"), Channel.valueOf(row.getString("channel")),
						ApplicationStatus.valueOf(row.getString("status")),
						row.getTimestamp("submitted_at").toInstant(), instant(row, "finished_at"), List.of(),
						row.getString("hall_code")));
			}
			if (row.getString("item_code") != null) {
				items.add(new ApplicationSummary.Item(row.getString("item_code"), row.getInt("item_version"),
						row.getString("department_code")));
			}
		});
		return found.stream()
			.findFirst()
			.map((summary) -> new ApplicationSummary(summary.id(), summary.trackingNumber(), summary.subject(),
					summary.filedBy(), summary.channel(), summary.status(), summary.submittedAt(), summary.finishedAt(),
					items, summary.hallCode()));
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
	List<InboxEntry> openTasks(String department, Set<TaskStatus> statuses, LocalDate dueBy, LocalDate dueBefore,
			int limit) {
		return openTasks(department, statuses, dueBy, dueBefore, limit, null);
	}

	/**
	 * Open tasks as above, leaving out those whose current step this person may not do
	 * because they did an earlier step it must be separated from (separation of duties).
	 */
	List<InboxEntry> openTasks(String department, Set<TaskStatus> statuses, LocalDate dueBy, LocalDate dueBefore,
			int limit, String forPerson) {
		Map<TaskId, List<String>> separated = new HashMap<>();
		List<InboxEntry> entries = this.jdbc.sql("""
				select t.id, t.application_id, a.tracking_number, t.item_code, t.step, t.status, t.committed_due,
				       t.statutory_due, a.submitted_at, t.item_version, t.department_code, a.hall_code,
				       a.channel, a.filed_by
				from applications_task t join applications_application a on a.id = t.application_id
				where (cast(:department as text) is null or t.department_code = :department)
				  and t.status in ('IN_REVIEW', 'WAITING_FOR_SUPPLEMENT') and t.status in (:statuses)
				  and (cast(:dueBy as date) is null or t.committed_due <= :dueBy)
				  and (cast(:dueBefore as date) is null or t.committed_due < :dueBefore)
				order by t.committed_due, a.submitted_at
				limit :limit
				""")
			.param("limit", limit)
			// none for a supervisor's view of every department (ADR 18)
			.param("department", department, Types.VARCHAR)
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.param("dueBy", dueBy)
			.param("dueBefore", dueBefore)
			.query((row, rowNum) -> {
				TaskId task = new TaskId(row.getObject("id", UUID.class));
				Optional<ReviewStep> step = workflowOf(row.getString("item_code"), row.getInt("item_version"))
					.step(row.getString("step"));
				if (step.isPresent() && !step.get().notBy().isEmpty()) {
					separated.put(task, step.get().notBy());
				}
				return new InboxEntry(task, new ApplicationId(row.getObject("application_id", UUID.class)),
						row.getString("tracking_number"), row.getString("item_code"), row.getString("step"),
						step.map(ReviewStep::displayName).orElse(row.getString("step")),
						TaskStatus.valueOf(row.getString("status")), row.getObject("committed_due", LocalDate.class),
						row.getObject("statutory_due", LocalDate.class), row.getTimestamp("submitted_at").toInstant(),
						row.getString("department_code"), row.getString("hall_code"),
						Channel.valueOf(row.getString("channel")), row.getString("filed_by"));
			})
			.list();
		if (forPerson == null || separated.isEmpty()) {
			return entries;
		}
		Set<TaskId> barred = new HashSet<>();
		this.jdbc.sql("""
				select h.task_id, h.from_state from applications_history h
				where h.application_id in (:applications) and h.task_id in (:tasks) and h.actor = :actor
				  and h.from_state like 'IN\\_REVIEW:%' and h.to_state <> h.from_state
				""")
			.param("applications",
					entries.stream()
						.filter((entry) -> separated.containsKey(entry.task()))
						.map((entry) -> entry.application().value())
						.toList())
			.param("tasks", separated.keySet().stream().map(TaskId::value).toList())
			.param("actor", forPerson)
			.query((row) -> {
				TaskId task = new TaskId(row.getObject("task_id", UUID.class));
				String step = row.getString("from_state").substring("IN_REVIEW:".length());
				if (separated.get(task).contains(step)) {
					barred.add(task);
				}
			});
		return entries.stream().filter((entry) -> !barred.contains(entry.task())).toList();
	}

	/** What the applicant filed, and what others filed about them, newest first. */
	List<ApplicationId> filedBy(String username, Subject subject) {
		return filedBy(username, subject, null, 200).stream().map(Filed::id).toList();
	}

	/** One of an applicant's matters in their list, and where it stands in it. */
	record Filed(ApplicationId id, Instant submittedAt) {
	}

	/**
	 * A page of {@link #filedBy(String, Subject)}: at most {@code limit}, older than
	 * {@code after} (null: from the newest). Submission time then id orders them, so that
	 * a page never repeats or skips a matter filed in the same instant.
	 */
	List<Filed> filedBy(String username, Subject subject, Filed after, int limit) {
		return this.jdbc.sql("""
				select id, submitted_at from applications_application
				where (filed_by = :who or subject_index = :subject
				   or (parties <> '[]'::jsonb and parties @> cast(:party as jsonb)))
				  and (cast(:afterAt as timestamptz) is null or (submitted_at, id) < (:afterAt, :afterId))
				order by submitted_at desc, id desc limit :limit
				""")
			.param("who", username)
			.param("subject", (subject != null) ? subjectIndex(subject) : null, Types.VARCHAR)
			.param("party", containing(subject, null), Types.VARCHAR)
			.param("afterAt", (after != null) ? Timestamp.from(after.submittedAt()) : null, Types.TIMESTAMP)
			.param("afterId", (after != null) ? after.id().value() : null, Types.OTHER)
			.param("limit", limit)
			.query((row, i) -> new Filed(new ApplicationId(row.getObject("id", UUID.class)),
					row.getTimestamp("submitted_at").toInstant()))
			.list();
	}

	/** The matters waiting for this person's or business's confirmation, oldest first. */
	List<ApplicationId> awaitingConfirmationBy(Subject party) {
		return this.jdbc.sql("""
				select id from applications_application
				where status = 'AWAITING_PARTIES' and parties <> '[]'::jsonb and parties @> cast(:party as jsonb)
				order by submitted_at limit 200
				""")
			.param("party", containing(party, PartyConfirmation.State.PENDING))
			.query(UUID.class)
			.list()
			.stream()
			.map(ApplicationId::new)
			.toList();
	}

	/** The matter a party's confirmation belongs to. */
	/** The matter of this tracking number, if there is one. */
	Optional<ApplicationId> withTrackingNumber(String trackingNumber) {
		return this.jdbc.sql("select id from applications_application where tracking_number = :tracking")
			.param("tracking", trackingNumber)
			.query((row, rowNum) -> new ApplicationId(row.getObject("id", UUID.class)))
			.optional();
	}

	/**
	 * The usernames who acted at each step of a task (a decision that moved it on, sent
	 * it back for a supplement or rejected it), for the separation of duties.
	 */
	Map<String, Set<String>> actorsByStep(TaskId task) {
		Map<String, Set<String>> actors = new HashMap<>();
		this.jdbc.sql("""
				select h.from_state, h.actor from applications_history h
				where h.application_id = (select application_id from applications_task where id = :task)
				  and h.task_id = :task and h.from_state like 'IN\\_REVIEW:%' and h.to_state <> h.from_state
				""").param("task", task.value()).query((row) -> {
			String step = row.getString("from_state").substring("IN_REVIEW:".length());
			actors.computeIfAbsent(step, (name) -> new HashSet<>()).add(row.getString("actor"));
		});
		return actors;
	}

	Optional<ApplicationId> withConfirmation(UUID confirmation) {
		return this.jdbc.sql("""
				select id from applications_application
				where parties <> '[]'::jsonb and parties @> cast(:confirmation as jsonb)
				""")
			.param("confirmation", this.json.writeValueAsString(List.of(Map.of("id", confirmation.toString()))))
			.query(UUID.class)
			.optional()
			.map(ApplicationId::new);
	}

	/**
	 * Matters waiting in that status since before the instant (filed, for their parties;
	 * approved, for payment), oldest first.
	 */
	List<Waiting> waitingSince(ApplicationStatus status, Instant before, int limit) {
		return this.jdbc.sql("""
				select application_id, since from applications_waiting
				where waiting_for = :status and since < :before
				order by since limit :limit
				""")
			.param("status", status.name())
			.param("before", Timestamp.from(before))
			.param("limit", limit)
			.query((row, number) -> new Waiting(new ApplicationId(row.getObject("application_id", UUID.class)),
					row.getTimestamp("since").toInstant()))
			.list();
	}

	/** A matter waiting, and since when. */
	record Waiting(ApplicationId application, Instant since) {
	}

	private String containing(Subject party, PartyConfirmation.State state) {
		if (party == null) {
			return "[{\"party\": null}]";
		}
		Map<String, String> wanted = new HashMap<>();
		wanted.put("party", subjectIndex(party));
		if (state != null) {
			wanted.put("state", state.name());
		}
		return this.json.writeValueAsString(List.of(wanted));
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

	/**
	 * Claims the key for this transaction, and reads the request it answered before, in
	 * one round trip of two statements: the lock taken (or not: another transaction holds
	 * it), then the read, which starts once the lock is held and so sees a request that
	 * another transaction committed under the key before it let go.
	 */
	Claim claim(String filedBy, String key) {
		return this.template.execute(CLAIM, (PreparedStatement statement) -> {
			statement.setString(1, filedBy);
			statement.setString(2, key);
			statement.setString(3, filedBy);
			statement.setString(4, key);
			statement.execute();
			boolean held;
			try (ResultSet row = statement.getResultSet()) {
				held = row.next() && row.getBoolean(1);
			}
			if (!statement.getMoreResults()) {
				throw new IllegalStateException("the idempotency key was not read");
			}
			IdempotentRequest earlier = null;
			try (ResultSet row = statement.getResultSet()) {
				if (row.next()) {
					earlier = new IdempotentRequest(row.getBytes("request_hash"),
							new ApplicationId(row.getObject("application_id", UUID.class)));
				}
			}
			return held ? new Claim(true, Optional.ofNullable(earlier)) : new Claim(false, Optional.empty());
		});
	}

	private static final String CLAIM = """
			select pg_try_advisory_xact_lock(hashtext(?), hashtext(?));
			select request_hash, application_id from applications_idempotency where filed_by = ? and key = ?
			""";

	/**
	 * Whether this transaction holds the key (false while another transaction does) and,
	 * if it does, the request the key answered before.
	 */
	record Claim(boolean held, Optional<IdempotentRequest> earlier) {
	}

	record IdempotentRequest(byte[] hash, ApplicationId application) {
	}

	// ------------------------------------------------------------------ mapping

	private List<Task> tasksOf(ApplicationId id) {
		return this.jdbc.sql(TASK_COLUMNS + "where application_id = :id order by item_code")
			.param("id", id.value())
			.query((row, rowNum) -> task(row))
			.list();
	}

	private Task task(ResultSet row) throws SQLException {
		return Task.restore(new TaskId(row.getObject("id", UUID.class)),
				new PlannedTask(row.getString("item_code"), row.getInt("item_version"),
						row.getString("department_code"),
						workflowOf(row.getString("item_code"), row.getInt("item_version")),
						row.getInt("committed_limit"), row.getInt("statutory_limit")),
				row.getString("step"), TaskStatus.valueOf(row.getString("status")),
				row.getObject("committed_due", LocalDate.class), row.getObject("statutory_due", LocalDate.class),
				instant(row, "paused_since"), row.getInt("paused_working_days"), missing(row.getString("missing")),
				row.getString("reason"), row.getLong("version"), missing(row.getString("awaiting")),
				asked(row.getString("asked")), row.getObject("supplement_due", LocalDate.class));
	}

	record ApplicationRow(ApplicationId id, String tracking, Subject subject, String filedBy, Channel channel,
			String bundle, Map<String, Object> form, List<MaterialRecord> materials, List<PartyConfirmation> parties,
			ApplicationStatus status, Instant submittedAt, Instant finishedAt, String hall, String owningHall) {

		Application with(List<Task> tasks) {
			Application application = Application.restore(this.id, this.tracking, this.subject, this.filedBy,
					this.channel, this.bundle, this.form, this.materials, this.parties, tasks, this.submittedAt,
					this.status, this.finishedAt);
			// the halls as filed: the result goes out through the accepting one (统一出件)
			if (this.hall != null && this.channel == Channel.HALL) {
				application.receivedAt(this.hall);
			}
			if (this.owningHall != null) {
				application.ownedBy(this.owningHall);
			}
			return application;
		}

	}

	private ApplicationRow row(ResultSet row, boolean withForm) throws SQLException {
		Subject subject = subject(row);
		return new ApplicationRow(new ApplicationId(row.getObject("id", UUID.class)), row.getString("tracking_number"),
				subject, row.getString("filed_by"), Channel.valueOf(row.getString("channel")),
				row.getString("bundle_code"), withForm ? form(row) : null,
				this.json.readValue(row.getString("materials"), MATERIALS), parties(row.getString("parties")),
				ApplicationStatus.valueOf(row.getString("status")), row.getTimestamp("submitted_at").toInstant(),
				instant(row, "finished_at"), row.getString("hall_code"), row.getString("owning_hall_code"));
	}

	/**
	 * A party's confirmation as stored: flat, with the credit code or the blind index of
	 * the resident ID as {@code party}, so that containment finds a person's parts, and
	 * the resident ID sealed as {@code person}.
	 */
	record StoredParty(String id, String party, String person, boolean business, String role, String mode, String state,
			Instant decidedAt, String decidedBy, String channel, String hash, String reason, String identityCheck,
			String checkReference, String clerk, String hall) {

		static StoredParty of(PartyConfirmation part, String index, String sealedPerson, String sealedReference) {
			PartyConfirmation.WindowCheck window = part.window();
			return new StoredParty(part.id().toString(), index, sealedPerson, part.party().business() != null,
					part.role().name(), part.mode().name(), part.state().name(), part.decidedAt(), part.decidedBy(),
					(part.channel() != null) ? part.channel().name() : null, part.hash(), part.reason(),
					(window != null) ? window.check().name() : null, sealedReference,
					(window != null) ? window.clerk() : null, (window != null) ? window.hall() : null);
		}

		PartyConfirmation restore(PersonalData personalData) {
			Subject subject = this.business ? Subject.business(CreditCode.of(this.party))
					: Subject.person(ResidentId.of(personalData.open(this.person, PARTIES_COLUMN + "/" + this.id)));
			PartyConfirmation.WindowCheck window = (this.identityCheck != null)
					? new PartyConfirmation.WindowCheck(PartyConfirmation.IdentityCheck.valueOf(this.identityCheck),
							personalData.open(this.checkReference, PARTIES_COLUMN + "/" + this.id + "/check"),
							this.clerk, this.hall)
					: null;
			return new PartyConfirmation(UUID.fromString(this.id), subject, Party.Role.valueOf(this.role),
					Party.Confirmation.valueOf(this.mode), PartyConfirmation.State.valueOf(this.state), this.decidedAt,
					this.decidedBy, (this.channel != null) ? Channel.valueOf(this.channel) : null, this.hash,
					this.reason, window);
		}

	}

	private String parties(List<PartyConfirmation> parties) {
		return parties.isEmpty() ? "[]" : this.json.writeValueAsString(parties.stream()
			.map((part) -> StoredParty.of(part, subjectIndex(part.party()), (part.party().person() != null)
					? this.personalData.seal(part.party().person().value(), PARTIES_COLUMN + "/" + part.id()) : null,
					// a check by ID card names the card: sealed like the party's own
					// number
					(part.window() != null) ? this.personalData.seal(part.window().reference(),
							PARTIES_COLUMN + "/" + part.id() + "/check") : null))
			.toList());
	}

	/** Most matters name nobody but their filer: no parsing then. */
	private List<PartyConfirmation> parties(String json) {
		return (json == null || "[]".equals(json)) ? List.of()
				: this.json.readValue(json, PARTIES)
					.stream()
					.map((stored) -> stored.restore(this.personalData))
					.toList();
	}

	/** The items a supplement request waiting asks for; none for nearly every task. */
	private List<SupplementItem> asked(String json) {
		return (json == null || "[]".equals(json)) ? List.of() : this.json.readValue(json, ITEMS);
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

	private Subject subject(ResultSet row) throws SQLException {
		String person = row.getString("subject_resident_id");
		return (person != null) ? Subject.person(ResidentId.of(this.personalData.open(person, SUBJECT_COLUMN)))
				: Subject.business(CreditCode.of(row.getString("subject_credit_code")));
	}

	private Map<String, Object> form(ResultSet row) throws SQLException {
		return this.json.readValue(this.personalData.open(row.getString("form"), FORM_COLUMN), FORM);
	}

	/**
	 * How a subject is found: a business by its credit code (public), a person by the
	 * blind index of their resident ID.
	 */
	private String subjectIndex(Subject subject) {
		return (subject.person() != null) ? this.personalData.blindIndex(subject.person()) : subject.identifier();
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * An instant to bind as {@code timestamptz}: a {@code java.time} value, which the
	 * driver writes out directly, where a {@code java.sql.Timestamp} goes through a
	 * {@code Calendar} on every bind.
	 */
	private static OffsetDateTime utc(Instant at) {
		return (at != null) ? at.atOffset(ZoneOffset.UTC) : null;
	}

}
