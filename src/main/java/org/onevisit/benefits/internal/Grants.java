package org.onevisit.benefits.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.benefits.Grant;
import org.onevisit.benefits.Policy;
import org.onevisit.privacy.PersonalData;
import org.onevisit.shared.ResidentId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each person was granted or offered, once per policy, with the reasoning. */
@Repository
class Grants {

	private final JdbcClient jdbc;

	private final PolicyBook book;

	private final PersonalData personalData;

	Grants(JdbcClient jdbc, PolicyBook book, PersonalData personalData) {
		this.jdbc = jdbc;
		this.book = book;
		this.personalData = personalData;
	}

	/**
	 * A person as the table keeps them: the blind index of their resident ID; every grant
	 * is found by it, and shown with the resident ID it was asked for.
	 */
	private String stored(String subject) {
		return ResidentId.isValid(subject) ? this.personalData.blindIndex(ResidentId.of(subject)) : subject;
	}

	/** True when the person had nothing of this policy before. */
	boolean addOnce(Policy policy, String subject, Grant.Status status, String reason, Instant at) {
		return this.jdbc.sql("""
				insert into benefits_grant (id, policy, subject, status, reason, created_at)
				values (:id, :policy, :subject, :status, :reason, :at)
				on conflict (policy, subject) do nothing
				""")
			.param("id", UUID.randomUUID())
			.param("policy", policy.code())
			.param("subject", stored(subject))
			.param("status", status.name())
			.param("reason", reason)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	List<Grant> of(String subject) {
		return this.jdbc.sql("select * from benefits_grant where subject = :subject order by created_at desc")
			.param("subject", stored(subject))
			.query((row, number) -> grant(row, subject))
			.list();
	}

	/** True when an offer of the person's was accepted now. */
	boolean acceptOffer(UUID id, String subject, Instant at) {
		return this.jdbc.sql("""
				update benefits_grant set status = 'ACCEPTED', accepted_at = :at
				where id = :id and subject = :subject and status = 'OFFERED'
				""").param("at", Timestamp.from(at)).param("id", id).param("subject", stored(subject)).update() != 0;
	}

	Optional<Grant> find(UUID id, String subject) {
		return this.jdbc.sql("select * from benefits_grant where id = :id and subject = :subject")
			.param("id", id)
			.param("subject", stored(subject))
			.query((row, number) -> grant(row, subject))
			.optional();
	}

	private Grant grant(ResultSet row, String subject) throws SQLException {
		Policy policy = this.book.find(row.getString("policy")).orElse(null);
		Timestamp accepted = row.getTimestamp("accepted_at");
		return new Grant(row.getObject("id", UUID.class), row.getString("policy"),
				(policy != null) ? policy.name() : row.getString("policy"), (policy != null) ? policy.benefit() : "",
				subject, Grant.Status.valueOf(row.getString("status")), row.getString("reason"),
				row.getTimestamp("created_at").toInstant(), (accepted != null) ? accepted.toInstant() : null);
	}

}
