package org.onevisit.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.onevisit.catalog.CatalogueEntryNotFound;
import org.onevisit.catalog.VersionConflict;
import org.onevisit.catalog.VersionStatus;
import org.onevisit.catalog.Versioned;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Versions of one kind of catalogue document (items or bundles) in its table. A code has
 * at most one draft, which may be edited, and at most one published version; publishing
 * the draft supersedes the published one. Published versions are never changed.
 */
final class VersionedStore<T> {

	/** An item's basic item, as its definition names it. */
	static final String BASIC_CODE = "basicCode";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final String table;

	private final String kind;

	private final Function<String, CatalogueEntryNotFound> notFound;

	private final Class<T> type;

	private final Function<T, String> codeOf;

	private final Function<T, String> nameOf;

	private final Function<T, String> departmentOf;

	VersionedStore(JdbcClient jdbc, JsonMapper json, String table, String kind,
			Function<String, CatalogueEntryNotFound> notFound, Class<T> type, Function<T, String> codeOf,
			Function<T, String> nameOf, Function<T, String> departmentOf) {
		this.jdbc = jdbc;
		this.json = json;
		this.table = table;
		this.kind = kind;
		this.notFound = notFound;
		this.type = type;
		this.codeOf = codeOf;
		this.nameOf = nameOf;
		this.departmentOf = departmentOf;
	}

	/** {@code item} or {@code bundle}. */
	String kind() {
		return this.kind;
	}

	/**
	 * How the audit trail names an entry of this kind: {@code item:CODE},
	 * {@code bundle:CODE}.
	 */
	String subject(String code) {
		return this.kind + ":" + code;
	}

	String nameOf(Versioned<T> entry) {
		return this.nameOf.apply(entry.content());
	}

	/** The refusal when no entry of this kind has the code. */
	CatalogueEntryNotFound notFound(String code) {
		return this.notFound.apply(code);
	}

	Optional<Versioned<T>> published(String code) {
		return inStatus(code, VersionStatus.PUBLISHED);
	}

	Optional<Versioned<T>> draft(String code) {
		return inStatus(code, VersionStatus.DRAFT);
	}

	Optional<Versioned<T>> version(String code, int version) {
		return this.jdbc.sql("select * from " + this.table + " where code = :code and version = :version")
			.param("code", code)
			.param("version", version)
			.query(this::map)
			.optional();
	}

	List<Versioned<T>> versions(String code) {
		return this.jdbc.sql("select * from " + this.table + " where code = :code order by version desc")
			.param("code", code)
			.query(this::map)
			.list();
	}

	List<Versioned<T>> allPublished() {
		return this.jdbc.sql("select * from " + this.table + " where status = 'PUBLISHED' order by code")
			.query(this::map)
			.list();
	}

	/**
	 * The published versions whose definition has this value at the top-level property
	 * (one of the constants here, never a caller's text).
	 */
	List<Versioned<T>> allPublishedWith(String property, String value) {
		return this.jdbc
			.sql("select * from " + this.table + " where status = 'PUBLISHED' and definition ->> '" + property
					+ "' = :value order by code")
			.param("value", value)
			.query(this::map)
			.list();
	}

	/** The newest version of every code: what an administrator browses. */
	List<Versioned<T>> latest() {
		return this.jdbc.sql("""
				select distinct on (code) * from %s order by code, version desc
				""".formatted(this.table)).query(this::map).list();
	}

	/**
	 * Saves the content as the code's draft, replacing an earlier draft or opening a new
	 * version.
	 */
	Versioned<T> saveDraft(T content, String by, Instant at) {
		String code = this.codeOf.apply(content);
		Optional<Versioned<T>> draft = draft(code);
		if (draft.isPresent()) {
			this.jdbc.sql("update " + this.table + """
					 set definition = cast(:definition as jsonb), name = :name, saved_at = :at, saved_by = :by
					 %s where code = :code and version = :version and status = 'DRAFT'
					""".formatted(this.departmentOf != null ? ", department_code = :department" : ""))
				.param("definition", this.json.writeValueAsString(content))
				.param("name", this.nameOf.apply(content))
				.param("department", (this.departmentOf != null) ? this.departmentOf.apply(content) : null)
				.param("at", Timestamp.from(at))
				.param("by", by)
				.param("code", code)
				.param("version", draft.get().version())
				.update();
			return version(code, draft.get().version()).orElseThrow();
		}
		int version = nextVersion(code);
		this.jdbc
			.sql("insert into " + this.table
					+ """
							 (code, version, status, name, definition, saved_at, saved_by %s)
							 values (:code, :version, 'DRAFT', :name, cast(:definition as jsonb), :at, :by %s)
							""".formatted(this.departmentOf != null ? ", department_code" : "",
							this.departmentOf != null ? ", :department" : ""))
			.param("code", code)
			.param("version", version)
			.param("name", this.nameOf.apply(content))
			.param("definition", this.json.writeValueAsString(content))
			.param("department", (this.departmentOf != null) ? this.departmentOf.apply(content) : null)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
		return version(code, version).orElseThrow();
	}

	/**
	 * Publishes the content at once, as saving it as the code's draft and publishing that
	 * would: an open draft is replaced and published, else a new version is; the version
	 * published before is superseded. Three statements, where an import of two thousand
	 * entries would otherwise spend nine on each.
	 */
	int publishNow(T content, String by, Instant at) {
		String code = this.codeOf.apply(content);
		String definition = this.json.writeValueAsString(content);
		String department = (this.departmentOf != null) ? this.departmentOf.apply(content) : null;
		this.jdbc.sql("update " + this.table + " set status = 'SUPERSEDED' where code = :code and status = 'PUBLISHED'")
			.param("code", code)
			.update();
		Optional<Integer> draft = this.jdbc.sql("update " + this.table + """
				 set definition = cast(:definition as jsonb), name = :name, saved_at = :at, saved_by = :by,
				     status = 'PUBLISHED', published_at = :at %s
				 where code = :code and status = 'DRAFT' returning version
				""".formatted(this.departmentOf != null ? ", department_code = :department" : ""))
			.param("definition", definition)
			.param("name", this.nameOf.apply(content))
			.param("department", department)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("code", code)
			.query(Integer.class)
			.optional();
		if (draft.isPresent()) {
			return draft.get();
		}
		return this.jdbc
			.sql("insert into " + this.table
					+ """
							 (code, version, status, name, definition, saved_at, saved_by, published_at %s)
							 select :code, coalesce(max(version), 0) + 1, 'PUBLISHED', :name, cast(:definition as jsonb), :at, :by,
							        :at %s
							 from %s where code = :code returning version
							"""
						.formatted(this.departmentOf != null ? ", department_code" : "",
								this.departmentOf != null ? ", :department" : "", this.table))
			.param("code", code)
			.param("name", this.nameOf.apply(content))
			.param("definition", definition)
			.param("department", department)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Integer.class)
			.single();
	}

	/** Publishes the code's draft; the version published before it is superseded. */
	Versioned<T> publishDraft(String code, Instant at) {
		Versioned<T> draft = draft(code)
			.orElseThrow(() -> new VersionConflict(code, "no draft of " + code + " to publish"));
		this.jdbc.sql("update " + this.table + " set status = 'SUPERSEDED' where code = :code and status = 'PUBLISHED'")
			.param("code", code)
			.update();
		this.jdbc
			.sql("update " + this.table
					+ " set status = 'PUBLISHED', published_at = :at where code = :code and version = :version")
			.param("at", Timestamp.from(at))
			.param("code", code)
			.param("version", draft.version())
			.update();
		return version(code, draft.version()).orElseThrow();
	}

	/**
	 * Withdraws the published version from service; it stays readable for past
	 * applications.
	 */
	Versioned<T> retire(String code) {
		Versioned<T> published = published(code)
			.orElseThrow(() -> new VersionConflict(code, code + " has no published version to retire"));
		this.jdbc.sql("update " + this.table + " set status = 'RETIRED' where code = :code and version = :version")
			.param("code", code)
			.param("version", published.version())
			.update();
		return version(code, published.version()).orElseThrow();
	}

	private int nextVersion(String code) {
		return this.jdbc.sql("select coalesce(max(version), 0) + 1 from " + this.table + " where code = :code")
			.param("code", code)
			.query(Integer.class)
			.single();
	}

	private Optional<Versioned<T>> inStatus(String code, VersionStatus status) {
		return this.jdbc.sql("select * from " + this.table + " where code = :code and status = :status")
			.param("code", code)
			.param("status", status.name())
			.query(this::map)
			.optional();
	}

	private Versioned<T> map(ResultSet row, int rowNum) throws SQLException {
		Timestamp published = row.getTimestamp("published_at");
		return new Versioned<>(row.getString("code"), row.getInt("version"),
				VersionStatus.valueOf(row.getString("status")),
				this.json.readValue(row.getString("definition"), this.type), row.getTimestamp("saved_at").toInstant(),
				row.getString("saved_by"), (published != null) ? published.toInstant() : null);
	}

}
