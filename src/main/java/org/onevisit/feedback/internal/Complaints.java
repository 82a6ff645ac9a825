package org.onevisit.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.feedback.Complaint;
import org.onevisit.privacy.PersonalData;
import org.onevisit.shared.Subject;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The complaints, with who filed each, to tell them of the answer. */
@Repository
class Complaints {

	private static final String NAME = "feedback_complaint.complainant_name";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	Complaints(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	void add(Complaint complaint, Subject from) {
		this.jdbc.sql("""
				insert into feedback_complaint (id, reference, complainant, complainant_name, subject_person,
				    subject_business, about, text, filed_at)
				values (:id, :reference, :complainant, :name, :person, :business, :about, :text, :at)
				""")
			.param("id", complaint.id())
			.param("reference", complaint.reference())
			.param("complainant", complaint.complainant())
			.param("name", this.personalData.seal(complaint.complainantName(), NAME))
			.params(SubjectColumns.values(from, this.personalData, "feedback_complaint"))
			.param("about", complaint.about())
			.param("text", complaint.text())
			.param("at", Timestamp.from(complaint.filedAt()))
			.update();
	}

	List<Complaint> of(String complainant) {
		return this.jdbc.sql("select * from feedback_complaint where complainant = :who order by filed_at desc")
			.param("who", complainant)
			.query(this::complaint)
			.list();
	}

	/** Every complaint, unanswered first. */
	List<Complaint> all() {
		return this.jdbc.sql("select * from feedback_complaint order by answered_at nulls first, filed_at")
			.query(this::complaint)
			.list();
	}

	/** The complaint, locked until the transaction ends, so that it is answered once. */
	Optional<Complaint> lock(UUID id) {
		return this.jdbc.sql("select * from feedback_complaint where id = :id for update")
			.param("id", id)
			.query(this::complaint)
			.optional();
	}

	void saveAnswer(Complaint answered) {
		AnswerColumns.save(this.jdbc, "feedback_complaint", answered.id(), answered.answer(), answered.answeredBy(),
				answered.answeredAt());
	}

	Subject complainantOf(UUID id) {
		return SubjectColumns.of(this.jdbc, this.personalData, "feedback_complaint", id);
	}

	private Complaint complaint(ResultSet row, int number) throws SQLException {
		return new Complaint(row.getObject("id", UUID.class), row.getString("reference"), row.getString("complainant"),
				this.personalData.open(row.getString("complainant_name"), NAME), row.getString("about"),
				row.getString("text"), row.getTimestamp("filed_at").toInstant(), row.getString("answer"),
				row.getString("answered_by"), AnswerColumns.answeredAt(row));
	}

}
