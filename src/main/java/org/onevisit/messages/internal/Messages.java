package org.onevisit.messages.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.onevisit.applications.Subject;
import org.onevisit.licences.LicenceEvents.LicenceIssued;
import org.onevisit.licences.LicenceEvents.LicenceRevoked;
import org.onevisit.messages.Inbox;
import org.onevisit.messages.Message;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Writes a message for each event a person must hear about, and reads them back. Each
 * event writes its message once: a retried event finds it already there.
 */
@Service
class Messages implements Inbox {

	private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	Messages(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(LicenceIssued issued) {
		send(issued.holder(), "licence-issued:" + issued.licence(), "message.licenceIssued",
				List.of(issued.typeName(), issued.trackingNumber()), "/licences/" + issued.licence());
	}

	@ApplicationModuleListener
	void on(LicenceRevoked revoked) {
		send(revoked.holder(), "licence-revoked:" + revoked.licence(), "message.licenceRevoked",
				List.of(revoked.typeName(), revoked.reason()), "/licences/" + revoked.licence());
	}

	void send(Subject recipient, String cause, String key, List<String> arguments, String link) {
		this.jdbc.sql("""
				insert into messages_message (recipient_resident_id, recipient_credit_code, cause, message_key,
				    arguments, link, created_at)
				values (:person, :business, :cause, :key, cast(:arguments as jsonb), :link, :at)
				on conflict (cause) do nothing
				""")
			.param("person", Optional.ofNullable(recipient.person()).map(ResidentId::value).orElse(null))
			.param("business", Optional.ofNullable(recipient.business()).map(CreditCode::value).orElse(null))
			.param("cause", cause)
			.param("key", key)
			.param("arguments", this.json.writeValueAsString(arguments))
			.param("link", link)
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	@Override
	public List<Message> of(Subject recipient) {
		String column = (recipient.person() != null) ? "recipient_resident_id" : "recipient_credit_code";
		String value = (recipient.person() != null) ? recipient.person().value() : recipient.business().value();
		return this.jdbc
			.sql("select * from messages_message where " + column
					+ " = :who order by created_at desc, id desc limit 200")
			.param("who", value)
			.query((row, rowNum) -> new Message(row.getLong("id"), row.getString("message_key"),
					this.json.readValue(row.getString("arguments"), TEXTS), row.getString("link"),
					row.getTimestamp("created_at").toInstant()))
			.list();
	}

}
