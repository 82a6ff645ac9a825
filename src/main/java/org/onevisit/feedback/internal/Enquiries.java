package org.onevisit.feedback.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.feedback.Enquiry;
import org.onevisit.privacy.PersonalData;
import org.onevisit.shared.Subject;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The questions, their answers, and the clerk responsible for each. */
@Repository
class Enquiries {

	private static final String NAME = "feedback_enquiry.asker_name";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	Enquiries(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	void add(Enquiry enquiry, Subject from) {
		this.jdbc
			.sql("""
					insert into feedback_enquiry (id, asker, asker_name, subject_person, subject_business, question, asked_at)
					values (:id, :asker, :name, :person, :business, :question, :at)
					""")
			.param("id", enquiry.id())
			.param("asker", enquiry.asker())
			.param("name", this.personalData.seal(enquiry.askerName(), NAME))
			.params(SubjectColumns.values(from, this.personalData, "feedback_enquiry"))
			.param("question", enquiry.question())
			.param("at", Timestamp.from(enquiry.askedAt()))
			.update();
	}

	List<Enquiry> of(String asker) {
		return enquiries("where asker = :who order by asked_at desc", asker);
	}

	/** Questions nobody is responsible for yet, then the clerk's own, oldest first. */
	List<Enquiry> openTo(String clerk) {
		return enquiries("where responsible is null or responsible = :who order by responsible nulls first, asked_at",
				clerk);
	}

	Optional<Enquiry> find(UUID id) {
		return enquiries("where id = :who", id).stream().findFirst();
	}

	/**
	 * The clerk becomes responsible unless someone already is; the condition makes two
	 * clerks answering at once agree on who that is.
	 */
	void makeResponsibleUnlessSomeoneIs(UUID id, String clerk, Instant at) {
		this.jdbc.sql("""
				update feedback_enquiry set responsible = :clerk, responsible_since = :at
				where id = :id and responsible is null
				""").param("clerk", clerk).param("at", Timestamp.from(at)).param("id", id).update();
	}

	void addAnswer(UUID id, Enquiry.Answer answer) {
		this.jdbc.sql("""
				insert into feedback_enquiry_answer (enquiry_id, clerk, text, answered_at)
				values (:id, :clerk, :text, :at)
				""")
			.param("id", id)
			.param("clerk", answer.clerk())
			.param("text", answer.text())
			.param("at", Timestamp.from(answer.at()))
			.update();
	}

	Subject askerOf(UUID id) {
		return SubjectColumns.of(this.jdbc, this.personalData, "feedback_enquiry", id);
	}

	private List<Enquiry> enquiries(String where, Object who) {
		List<Enquiry> found = this.jdbc.sql("select * from feedback_enquiry " + where)
			.param("who", who)
			.query((row, n) -> new Enquiry(row.getObject("id", UUID.class), row.getString("asker"),
					this.personalData.open(row.getString("asker_name"), NAME), row.getString("question"),
					row.getTimestamp("asked_at").toInstant(), row.getString("responsible"), List.of()))
			.list();
		if (found.isEmpty()) {
			return found;
		}
		List<UUID> ids = found.stream().map(Enquiry::id).toList();
		List<Object[]> answers = this.jdbc.sql("""
				select enquiry_id, clerk, text, answered_at from feedback_enquiry_answer
				where enquiry_id in (:ids) order by id
				""")
			.param("ids", ids)
			.query((row,
					n) -> new Object[] { row.getObject("enquiry_id", UUID.class),
							new Enquiry.Answer(row.getString("clerk"), row.getString("text"),
									row.getTimestamp("answered_at").toInstant()) })
			.list();
		return found.stream()
			.map((enquiry) -> new Enquiry(enquiry.id(), enquiry.asker(), enquiry.askerName(), enquiry.question(),
					enquiry.askedAt(), enquiry.responsible(),
					answers.stream()
						.filter((answer) -> answer[0].equals(enquiry.id()))
						.map((answer) -> (Enquiry.Answer) answer[1])
						.toList()))
			.toList();
	}

}
