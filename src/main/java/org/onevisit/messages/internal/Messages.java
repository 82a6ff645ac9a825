package org.onevisit.messages.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.onevisit.shared.Subject;
import org.onevisit.messages.Inbox;
import org.onevisit.messages.Message;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores messages in the transaction of their cause, and reads them back. A cause is
 * stored once: repeating an action finds its message already there.
 */
@Service
class Messages implements Inbox, Notifications {

	private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final JsonMapper json;

	private final Clock clock;

	Messages(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void send(List<Notice> notices) {
		Timestamp at = Timestamp.from(this.clock.instant());
		this.batch.batchUpdate("""
				insert into messages_message (recipient_resident_id, recipient_credit_code, cause, message_key,
				    arguments, link, created_at)
				values (?, ?, ?, ?, cast(? as jsonb), ?, ?)
				on conflict (cause) do nothing
				""", notices.stream()
			.map((notice) -> new Object[] {
					Optional.ofNullable(notice.recipient().person()).map(ResidentId::value).orElse(null),
					Optional.ofNullable(notice.recipient().business()).map(CreditCode::value).orElse(null),
					notice.cause(), notice.key(), this.json.writeValueAsString(notice.arguments()), notice.link(), at })
			.toList());
	}

	@Override
	public List<Message> of(Subject recipient) {
		String column = (recipient.person() != null) ? "recipient_resident_id" : "recipient_credit_code";
		String value = recipient.identifier();
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
