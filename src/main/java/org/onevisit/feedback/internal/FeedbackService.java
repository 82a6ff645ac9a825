package org.onevisit.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.identity.Actor;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.shared.Subject;
import org.onevisit.feedback.Complaint;
import org.onevisit.feedback.Enquiry;
import org.onevisit.feedback.Feedback;
import org.onevisit.feedback.FeedbackRefused;
import org.onevisit.feedback.Rating;
import org.onevisit.feedback.Rectification;
import org.onevisit.messages.Notifications;
import org.onevisit.messages.Notifications.Notice;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class FeedbackService implements Feedback {

	static final int MAX_TEXT = 2000;

	private static final String RECTIFICATIONS = """
			select r.*, g.tracking_number, g.stars, g.comment from feedback_rectification r
			join feedback_rating g on g.application_id = r.application_id
			""";

	private final ApplicationManagement applications;

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final Clock clock;

	FeedbackService(ApplicationManagement applications, JdbcClient jdbc, Notifications notifications, Clock clock) {
		this.applications = applications;
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Rating rate(ApplicationId id, int stars, String comment, Actor by) {
		Application application = this.applications.find(id, by);
		if (by.kind() != Actor.Kind.APPLICANT) {
			throw FeedbackRefused.notFound();
		}
		if (!application.status().finished()) {
			throw FeedbackRefused.notFinished();
		}
		if (stars < 1 || stars > 5) {
			throw FeedbackRefused.starsOutOfRange();
		}
		String said = optionalText(comment);
		if (stars <= 2 && said == null) {
			throw FeedbackRefused.commentRequired();
		}
		Instant now = this.clock.instant();
		try {
			this.jdbc
				.sql("""
						insert into feedback_rating (application_id, tracking_number, rater, stars, comment, rated_at, item_codes)
						values (:id, :tracking, :rater, :stars, :comment, :at, cast(:items as text[]))
						""")
				.param("items",
						application.tasks()
							.stream()
							.map((task) -> task.plan().itemCode())
							.distinct()
							.toArray(String[]::new))
				.param("id", id.value())
				.param("tracking", application.trackingNumber())
				.param("rater", by.username())
				.param("stars", stars)
				.param("comment", said)
				.param("at", Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw FeedbackRefused.alreadyRated();
		}
		if (stars <= 2) {
			application.tasks()
				.stream()
				.map((task) -> task.plan().departmentCode())
				.distinct()
				.forEach((department) -> this.jdbc.sql("""
						insert into feedback_rectification (id, application_id, department, opened_at)
						values (:id, :application, :department, :at)
						""")
					.param("id", UUID.randomUUID())
					.param("application", id.value())
					.param("department", department)
					.param("at", Timestamp.from(now))
					.update());
		}
		return ratingOf(id, by).orElseThrow();
	}

	@Override
	public Optional<Rating> ratingOf(ApplicationId id, Actor by) {
		this.applications.find(id, by);
		List<Rectification> rectifications = this.jdbc.sql(RECTIFICATIONS + " where r.application_id = :id")
			.param("id", id.value())
			.query(this::rectification)
			.list();
		return this.jdbc.sql("select * from feedback_rating where application_id = :id")
			.param("id", id.value())
			.query((row, n) -> new Rating(id, row.getString("tracking_number"), row.getString("rater"),
					row.getInt("stars"), row.getString("comment"), row.getTimestamp("rated_at").toInstant(),
					rectifications))
			.optional();
	}

	@Override
	public Satisfaction satisfaction(java.util.Set<String> itemCodes, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select count(*) as rated, count(*) filter (where stars >= 4) as satisfied,
				       count(*) filter (where stars <= 2) as bad
				from feedback_rating
				where rated_at >= :from and rated_at < :to
				  and (cast(:items as text[]) is null or item_codes && cast(:items as text[]))
				""")
			.param("from", Timestamp.from(from.atStartOfDay(this.clock.getZone()).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(this.clock.getZone()).toInstant()))
			.param("items", (itemCodes != null) ? itemCodes.toArray(String[]::new) : null)
			.query((row, n) -> new Satisfaction(row.getLong("rated"), row.getLong("satisfied"), row.getLong("bad")))
			.single();
	}

	@Override
	public List<Rectification> rectificationsOf(String departmentCode) {
		return this.jdbc
			.sql(RECTIFICATIONS + " where r.department = :department order by r.answered_at nulls first, r.opened_at")
			.param("department", departmentCode)
			.query(this::rectification)
			.list();
	}

	@Override
	public List<Rectification> rectifications() {
		return this.jdbc.sql(RECTIFICATIONS + " order by r.answered_at nulls first, r.opened_at")
			.query(this::rectification)
			.list();
	}

	@Override
	@Transactional
	public Rectification answerRectification(UUID id, String answer, Actor reviewer) {
		String text = requiredText(answer);
		Rectification rectification = this.jdbc.sql(RECTIFICATIONS + " where r.id = :id for update of r")
			.param("id", id)
			.query(this::rectification)
			.optional()
			.filter((found) -> reviewer.department().filter(found.departmentCode()::equals).isPresent())
			.orElseThrow(FeedbackRefused::notFound);
		if (rectification.answered()) {
			throw FeedbackRefused.alreadyAnswered();
		}
		Instant now = this.clock.instant();
		this.jdbc.sql(
				"update feedback_rectification set answer = :answer, answered_by = :by, answered_at = :at where id = :id")
			.param("answer", text)
			.param("by", reviewer.username())
			.param("at", Timestamp.from(now))
			.param("id", id)
			.update();
		this.notifications.send(List.of(new Notice(this.applications.filing(rectification.application()).subject(),
				"rectification-answered:" + id, "message.rectificationAnswered",
				List.of(rectification.trackingNumber()), "/my/applications/" + rectification.application().value())));
		return new Rectification(id, rectification.application(), rectification.trackingNumber(),
				rectification.departmentCode(), rectification.stars(), rectification.comment(),
				rectification.openedAt(), text, reviewer.username(), now);
	}

	@Override
	@Transactional
	public Complaint complain(String about, String text, Person by) {
		String body = requiredText(text);
		Instant now = this.clock.instant();
		String reference = "TS" + LocalDate.now(this.clock).toString().replace("-", "")
				+ UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into feedback_complaint (id, reference, complainant, complainant_name, subject_person,
				    subject_business, about, text, filed_at)
				values (:id, :reference, :complainant, :name, :person, :business, :about, :text, :at)
				""")
			.param("id", id)
			.param("reference", reference)
			.param("complainant", by.username())
			.param("name", by.name())
			.param("person", personOf(by))
			.param("business", businessOf(by))
			.param("about", optionalText(about))
			.param("text", body)
			.param("at", Timestamp.from(now))
			.update();
		return new Complaint(id, reference, by.username(), by.name(), optionalText(about), body, now, null, null, null);
	}

	@Override
	public List<Complaint> complaintsOf(String complainant) {
		return this.jdbc.sql("select * from feedback_complaint where complainant = :who order by filed_at desc")
			.param("who", complainant)
			.query(this::complaint)
			.list();
	}

	@Override
	public List<Complaint> complaints() {
		return this.jdbc.sql("select * from feedback_complaint order by answered_at nulls first, filed_at")
			.query(this::complaint)
			.list();
	}

	@Override
	@Transactional
	public Complaint answerComplaint(UUID id, String answer, String by) {
		String text = requiredText(answer);
		Complaint complaint = this.jdbc.sql("select * from feedback_complaint where id = :id for update")
			.param("id", id)
			.query(this::complaint)
			.optional()
			.orElseThrow(FeedbackRefused::notFound);
		if (complaint.answered()) {
			throw FeedbackRefused.alreadyAnswered();
		}
		Instant now = this.clock.instant();
		this.jdbc
			.sql("update feedback_complaint set answer = :answer, answered_by = :by, answered_at = :at where id = :id")
			.param("answer", text)
			.param("by", by)
			.param("at", Timestamp.from(now))
			.param("id", id)
			.update();
		this.notifications.send(List.of(new Notice(subjectOf("feedback_complaint", id), "complaint-answered:" + id,
				"message.complaintAnswered", List.of(complaint.reference()), "/my/complaints")));
		return new Complaint(id, complaint.reference(), complaint.complainant(), complaint.complainantName(),
				complaint.about(), complaint.text(), complaint.filedAt(), text, by, now);
	}

	@Override
	@Transactional
	public Enquiry ask(String question, Person by) {
		String text = requiredText(question);
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					insert into feedback_enquiry (id, asker, asker_name, subject_person, subject_business, question, asked_at)
					values (:id, :asker, :name, :person, :business, :question, :at)
					""")
			.param("id", id)
			.param("asker", by.username())
			.param("name", by.name())
			.param("person", personOf(by))
			.param("business", businessOf(by))
			.param("question", text)
			.param("at", Timestamp.from(now))
			.update();
		return new Enquiry(id, by.username(), by.name(), text, now, null, List.of());
	}

	@Override
	public List<Enquiry> enquiriesOf(String asker) {
		return enquiries("where asker = :who order by asked_at desc", asker);
	}

	@Override
	public List<Enquiry> enquiriesFor(String clerk) {
		return enquiries("where responsible is null or responsible = :who order by responsible nulls first, asked_at",
				clerk);
	}

	@Override
	@Transactional
	public Enquiry answerEnquiry(UUID id, String text, String clerk) {
		String answer = requiredText(text);
		Instant now = this.clock.instant();
		// whoever answers first becomes responsible; the condition makes two clerks
		// answering at once agree on who that is
		this.jdbc.sql("""
				update feedback_enquiry set responsible = :clerk, responsible_since = :at
				where id = :id and responsible is null
				""").param("clerk", clerk).param("at", Timestamp.from(now)).param("id", id).update();
		Enquiry enquiry = enquiries("where id = :who", id).stream().findFirst().orElseThrow(FeedbackRefused::notFound);
		this.jdbc.sql("""
				insert into feedback_enquiry_answer (enquiry_id, clerk, text, answered_at)
				values (:id, :clerk, :text, :at)
				""")
			.param("id", id)
			.param("clerk", clerk)
			.param("text", answer)
			.param("at", Timestamp.from(now))
			.update();
		this.notifications.send(List
			.of(new Notice(subjectOf("feedback_enquiry", id), "enquiry-answered:" + id + ":" + now.toEpochMilli(),
					"message.enquiryAnswered", List.of(abbreviated(enquiry.question())), "/my/enquiries")));
		return enquiries("where id = :who", id).get(0);
	}

	private List<Enquiry> enquiries(String where, Object who) {
		List<Enquiry> found = this.jdbc.sql("select * from feedback_enquiry " + where)
			.param("who", who)
			.query((row, n) -> new Enquiry(row.getObject("id", UUID.class), row.getString("asker"),
					row.getString("asker_name"), row.getString("question"), row.getTimestamp("asked_at").toInstant(),
					row.getString("responsible"), List.of()))
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

	// the table is one of two constants above, never input
	private Subject subjectOf(String table, UUID id) {
		return this.jdbc.sql("select subject_person, subject_business from " + table + " where id = :id")
			.param("id", id)
			.query((row, n) -> (row.getString("subject_person") != null)
					? Subject.person(ResidentId.of(row.getString("subject_person")))
					: Subject.business(CreditCode.of(row.getString("subject_business"))))
			.single();
	}

	private static String personOf(Person by) {
		return (by.subject().person() != null) ? by.subject().person().value() : null;
	}

	private static String businessOf(Person by) {
		return (by.subject().business() != null) ? by.subject().business().value() : null;
	}

	private static String abbreviated(String text) {
		return (text.length() <= 20) ? text : text.substring(0, 20) + "…";
	}

	private static String requiredText(String text) {
		String trimmed = optionalText(text);
		if (trimmed == null) {
			throw FeedbackRefused.textRequired();
		}
		return trimmed;
	}

	private static String optionalText(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.strip();
		if (trimmed.length() > MAX_TEXT) {
			throw FeedbackRefused.textTooLong(MAX_TEXT);
		}
		return trimmed;
	}

	private Rectification rectification(ResultSet row, int number) throws SQLException {
		Timestamp answered = row.getTimestamp("answered_at");
		return new Rectification(row.getObject("id", UUID.class),
				new ApplicationId(row.getObject("application_id", UUID.class)), row.getString("tracking_number"),
				row.getString("department"), row.getInt("stars"), row.getString("comment"),
				row.getTimestamp("opened_at").toInstant(), row.getString("answer"), row.getString("answered_by"),
				(answered != null) ? answered.toInstant() : null);
	}

	private Complaint complaint(ResultSet row, int number) throws SQLException {
		Timestamp answered = row.getTimestamp("answered_at");
		return new Complaint(row.getObject("id", UUID.class), row.getString("reference"), row.getString("complainant"),
				row.getString("complainant_name"), row.getString("about"), row.getString("text"),
				row.getTimestamp("filed_at").toInstant(), row.getString("answer"), row.getString("answered_by"),
				(answered != null) ? answered.toInstant() : null);
	}

}
