package org.onevisit.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.applications.ApplicationId;
import org.onevisit.feedback.Rectification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rectifications of bad ratings, each read with the rating it answers. */
@Repository
class Rectifications {

	private static final String WITH_RATING = """
			select r.*, g.tracking_number, g.stars, g.comment from feedback_rectification r
			join feedback_rating g on g.application_id = r.application_id
			""";

	private static final String UNANSWERED_FIRST = " order by r.answered_at nulls first, r.opened_at";

	private final JdbcClient jdbc;

	Rectifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void open(ApplicationId application, String department, Instant at) {
		this.jdbc.sql("""
				insert into feedback_rectification (id, application_id, department, opened_at)
				values (:id, :application, :department, :at)
				""")
			.param("id", UUID.randomUUID())
			.param("application", application.value())
			.param("department", department)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<Rectification> ofApplication(ApplicationId application) {
		return this.jdbc.sql(WITH_RATING + " where r.application_id = :id")
			.param("id", application.value())
			.query(Rectifications::rectification)
			.list();
	}

	List<Rectification> ofDepartment(String departmentCode) {
		return this.jdbc.sql(WITH_RATING + " where r.department = :department" + UNANSWERED_FIRST)
			.param("department", departmentCode)
			.query(Rectifications::rectification)
			.list();
	}

	List<Rectification> all() {
		return this.jdbc.sql(WITH_RATING + UNANSWERED_FIRST).query(Rectifications::rectification).list();
	}

	/**
	 * The rectification, locked until the transaction ends, so that it is answered once.
	 */
	Optional<Rectification> lock(UUID id) {
		return this.jdbc.sql(WITH_RATING + " where r.id = :id for update of r")
			.param("id", id)
			.query(Rectifications::rectification)
			.optional();
	}

	void saveAnswer(Rectification answered) {
		AnswerColumns.save(this.jdbc, "feedback_rectification", answered.id(), answered.answer(), answered.answeredBy(),
				answered.answeredAt());
	}

	private static Rectification rectification(ResultSet row, int number) throws SQLException {
		return new Rectification(row.getObject("id", UUID.class),
				new ApplicationId(row.getObject("application_id", UUID.class)), row.getString("tracking_number"),
				row.getString("department"), row.getInt("stars"), row.getString("comment"),
				row.getTimestamp("opened_at").toInstant(), row.getString("answer"), row.getString("answered_by"),
				AnswerColumns.answeredAt(row));
	}

}
