package org.onevisit.messages.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.onevisit.identity.OneVisitUser;
import org.onevisit.shared.Subject;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each recipient's chosen channels, keyed by who they are to the messages module. */
@Repository
class ChannelPreferences {

	private static final RowMapper<Preferences> ROW = (row, n) -> new Preferences(row.getString("recipient"),
			row.getString("email"), row.getString("mobile"), row.getBoolean("email_enabled"),
			row.getBoolean("sms_enabled"), row.getString("locale"), row.getString("department"));

	/** The department a supervisor is recorded under: they are warned of every one. */
	static final String EVERY_DEPARTMENT = "*";

	private final JdbcClient jdbc;

	private final Clock clock;

	ChannelPreferences(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Whom an account is to this module: the business or person it speaks for, else the
	 * staff member by username.
	 */
	static String recipientOf(OneVisitUser user) {
		return user.subject().map(ChannelPreferences::recipientOf).orElse("staff:" + user.getUsername());
	}

	static String recipientOf(Subject subject) {
		return subject.identifier();
	}

	Optional<Preferences> of(String recipient) {
		return this.jdbc.sql("select * from messages_channel_preference where recipient = :recipient")
			.param("recipient", recipient)
			.query(ROW)
			.optional();
	}

	/**
	 * The staff of a department, and the supervisors, who chose to receive its warnings
	 * somewhere.
	 */
	List<Preferences> ofDepartment(String department) {
		return this.jdbc
			.sql("select * from messages_channel_preference where department = :department or department = :every")
			.param("department", department)
			.param("every", EVERY_DEPARTMENT)
			.query(ROW)
			.list();
	}

	void save(Preferences preferences) {
		this.jdbc.sql("""
				insert into messages_channel_preference (recipient, email, mobile, email_enabled, sms_enabled, locale,
				    department, updated_at)
				values (:recipient, :email, :mobile, :emailEnabled, :smsEnabled, :locale, :department, :at)
				on conflict (recipient) do update set email = excluded.email, mobile = excluded.mobile,
				    email_enabled = excluded.email_enabled, sms_enabled = excluded.sms_enabled,
				    locale = excluded.locale, department = excluded.department, updated_at = excluded.updated_at
				""")
			.param("recipient", preferences.recipient())
			.param("email", preferences.email())
			.param("mobile", preferences.mobile())
			.param("emailEnabled", preferences.emailEnabled())
			.param("smsEnabled", preferences.smsEnabled())
			.param("locale", preferences.locale())
			.param("department", preferences.department())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

}
