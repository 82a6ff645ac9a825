package org.onevisit.messages.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.onevisit.privacy.PersonalData;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each recipient's chosen channels, keyed by who they are to the messages module
 * ({@link Recipients}); the e-mail address and the mobile number are stored sealed, each
 * bound to its column and recipient.
 */
@Repository
class ChannelPreferences {

	private static final String EMAIL = "messages_channel_preference.email/";

	private static final String MOBILE = "messages_channel_preference.mobile/";

	/** The department a supervisor is recorded under: they are warned of every one. */
	static final String EVERY_DEPARTMENT = "*";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Clock clock;

	private final RowMapper<Preferences> row;

	ChannelPreferences(JdbcClient jdbc, PersonalData personalData, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.clock = clock;
		this.row = (row, n) -> {
			String recipient = row.getString("recipient");
			return new Preferences(recipient, personalData.open(row.getString("email"), EMAIL + recipient),
					personalData.open(row.getString("mobile"), MOBILE + recipient), row.getBoolean("email_enabled"),
					row.getBoolean("sms_enabled"), row.getString("locale"), row.getString("department"));
		};
	}

	/**
	 * The preferences in a row that joined this table's columns to another's, if the
	 * recipient has any.
	 */
	Optional<Preferences> joined(ResultSet row, int rowNum) throws SQLException {
		return (row.getString("recipient") != null) ? Optional.of(this.row.mapRow(row, rowNum)) : Optional.empty();
	}

	Optional<Preferences> of(String recipient) {
		return this.jdbc.sql("select * from messages_channel_preference where recipient = :recipient")
			.param("recipient", recipient)
			.query(this.row)
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
			.query(this.row)
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
			// what may be missing typed even when null (ADR 18)
			.param("email", this.personalData.seal(preferences.email(), EMAIL + preferences.recipient()), Types.VARCHAR)
			.param("mobile", this.personalData.seal(preferences.mobile(), MOBILE + preferences.recipient()),
					Types.VARCHAR)
			.param("emailEnabled", preferences.emailEnabled())
			.param("smsEnabled", preferences.smsEnabled())
			.param("locale", preferences.locale(), Types.VARCHAR)
			.param("department", preferences.department(), Types.VARCHAR)
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

}
