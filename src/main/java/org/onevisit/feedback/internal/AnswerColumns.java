package org.onevisit.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The office's one answer to a complaint or a rectification, as the three columns
 * {@code answer}, {@code answered_by} and {@code answered_at} that both tables keep.
 */
final class AnswerColumns {

	private AnswerColumns() {
	}

	// the table is a constant of the repository that calls, never input
	static void save(JdbcClient jdbc, String table, UUID id, String answer, String by, Instant at) {
		jdbc.sql("update " + table + " set answer = :answer, answered_by = :by, answered_at = :at where id = :id")
			.param("answer", answer)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	/** When the row was answered, or null while it is not. */
	static Instant answeredAt(ResultSet row) throws SQLException {
		Timestamp answered = row.getTimestamp("answered_at");
		return (answered != null) ? answered.toInstant() : null;
	}

}
