package org.onevisit.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.onevisit.audit.SecurityEvent;
import org.onevisit.audit.SecurityEventRecorded;
import org.onevisit.audit.SecurityLog;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Sm3;

import org.springframework.context.ApplicationEventPublisher;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The security log's table: appended to, and searched newest first a page at a time, the
 * cursor being the last id seen. Each row is told as a salted commitment
 * ({@link SecurityEventRecorded}), which the public transparency log records, so that a
 * row removed or changed by someone with the database is seen there, while the public log
 * names nobody.
 */
@Repository
class SecurityEvents implements SecurityLog {

	/** Longer values are cut: an attacker chooses usernames and paths. */
	static final int MAX_VALUE_LENGTH = 300;

	private static final SecureRandom SALTS = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SecurityEvents(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** One line of the log. */
	record Entry(long id, Instant at, SecurityEvent.Kind kind, String actor, String subject, String detail) {
	}

	/**
	 * What a supervisor asks for; every part optional. A person is a username, or a
	 * resident ID (searched as the log holds it, masked).
	 */
	record Search(String person, SecurityEvent.Kind kind, Instant from, Instant to, Long before, int limit) {

		Search {
			limit = Math.max(1, Math.min(limit, 200));
		}

	}

	/** A page of entries and the cursor of the next, older page if there is one. */
	record Page(List<Entry> entries, Long next) {
	}

	@Override
	public void record(SecurityEvent event) {
		// as PostgreSQL keeps it, so that the row read back gives the same commitment
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String kind = event.kind().name();
		String actor = cut(masked(event.actor()));
		String subject = cut(masked(event.subject()));
		String detail = cut(event.detail());
		byte[] salt = new byte[16];
		SALTS.nextBytes(salt);
		Long id = this.jdbc.queryForObject("""
				insert into audit_security_event (at, kind, actor, subject, detail, salt) values (?, ?, ?, ?, ?, ?)
				returning id
				""", Long.class, Timestamp.from(at), kind, actor, subject, detail, salt);
		this.events.publishEvent(new SecurityEventRecorded(id, commitment(salt, id, at, kind, actor, subject, detail),
				event.kind(), at));
	}

	/**
	 * What the public log holds of a row: SM3 over the salt and each value, each value
	 * preceded by its length (docs/transparency-log.md).
	 */
	static byte[] commitment(byte[] salt, long id, Instant at, String kind, String actor, String subject,
			String detail) {
		List<byte[]> parts = new ArrayList<>();
		parts.add(salt);
		for (String value : List.of(Long.toString(id), at.toString(), kind, String.valueOf(actor),
				String.valueOf(subject), String.valueOf(detail))) {
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			parts.add(new byte[] { (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
					(byte) (bytes.length >>> 8), (byte) bytes.length });
			parts.add(bytes);
		}
		return Sm3.hash(parts.toArray(new byte[0][]));
	}

	Page search(Search search) {
		StringBuilder sql = new StringBuilder(
				"select id, at, kind, actor, subject, detail from audit_security_event where true");
		List<Object> arguments = new ArrayList<>();
		if (search.person() != null && !search.person().isBlank()) {
			String person = masked(search.person().strip());
			sql.append(" and (actor = ? or subject = ?)");
			arguments.add(person);
			arguments.add(person);
		}
		if (search.kind() != null) {
			sql.append(" and kind = ?");
			arguments.add(search.kind().name());
		}
		if (search.from() != null) {
			sql.append(" and at >= ?");
			arguments.add(Timestamp.from(search.from()));
		}
		if (search.to() != null) {
			sql.append(" and at < ?");
			arguments.add(Timestamp.from(search.to()));
		}
		if (search.before() != null) {
			sql.append(" and id < ?");
			arguments.add(search.before());
		}
		sql.append(" order by id desc limit ?");
		arguments.add(search.limit() + 1);
		List<Entry> entries = this.jdbc.query(sql.toString(),
				(row, i) -> new Entry(row.getLong("id"), row.getTimestamp("at").toInstant(),
						SecurityEvent.Kind.valueOf(row.getString("kind")), row.getString("actor"),
						row.getString("subject"), row.getString("detail")),
				arguments.toArray());
		if (entries.size() > search.limit()) {
			List<Entry> page = entries.subList(0, search.limit());
			return new Page(List.copyOf(page), page.get(page.size() - 1).id());
		}
		return new Page(entries, null);
	}

	/**
	 * A resident ID typed where a username goes is kept masked like every other: the log
	 * names people by username.
	 */
	private static String masked(String value) {
		return (value != null && ResidentId.isValid(value)) ? ResidentId.of(value).masked() : value;
	}

	private static String cut(String value) {
		return (value == null || value.length() <= MAX_VALUE_LENGTH) ? value : value.substring(0, MAX_VALUE_LENGTH);
	}

}
