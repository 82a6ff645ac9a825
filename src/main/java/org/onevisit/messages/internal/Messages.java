package org.onevisit.messages.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.messages.Inbox;
import org.onevisit.messages.Message;
import org.onevisit.privacy.PersonalData;
import org.onevisit.shared.Subject;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores messages in the transaction of their cause, and reads them back. A cause is
 * stored once: repeating an action finds its message already there. A message stored for
 * the first time also puts its e-mail and text, if its recipient chose them, in the
 * outbox ({@link OutgoingDeliveries}), in the same transaction. A person's messages are
 * filed under the blind index of their resident ID, what a message says is sealed, and
 * the cause is kept as its blind index: causes name the matter and, for a party or a
 * benefit's recipient, the person.
 */
@Service
class Messages implements Inbox, Notifications {

	private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
	};

	private static final String ARGUMENTS = "messages_message.arguments/";

	private static final String CAUSE = "message-cause";

	private final JdbcClient jdbc;

	private final ChannelPreferences preferences;

	private final Recipients recipients;

	private final PersonalData personalData;

	private final OutgoingDeliveries deliveries;

	private final ObjectProvider<DeliverySender> sender;

	private final JsonMapper json;

	private final Clock clock;

	Messages(JdbcClient jdbc, ChannelPreferences preferences, Recipients recipients, PersonalData personalData,
			OutgoingDeliveries deliveries, ObjectProvider<DeliverySender> sender, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.preferences = preferences;
		this.recipients = recipients;
		this.personalData = personalData;
		this.deliveries = deliveries;
		this.sender = sender;
		this.json = json;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void send(List<Notice> notices) {
		Timestamp at = Timestamp.from(this.clock.instant());
		for (Notice notice : notices) {
			// a cause already told is told nowhere again, in no channel
			String cause = this.personalData.blindIndex(CAUSE, notice.cause());
			// the person's blind index or the credit code: the column that names them
			String recipient = this.recipients.of(notice.recipient());
			boolean person = notice.recipient().person() != null;
			// stored and the recipient's channels read in one round trip: no row when the
			// cause was told before
			Optional<Stored> stored = this.jdbc.sql("""
					with stored as (
					    insert into messages_message (recipient_person_index, recipient_credit_code, cause, message_key,
					        arguments, link, created_at)
					    values (:person, :business, :cause, :key, :arguments, :link, :at)
					    on conflict (cause) do nothing
					    returning id)
					select stored.id as message_id, chosen.*
					from stored left join messages_channel_preference chosen on chosen.recipient = :recipient
					""")
				// a person or a business: the other column's null typed too (ADR 18)
				.param("person", person ? recipient : null, Types.VARCHAR)
				.param("business", person ? null : recipient, Types.VARCHAR)
				.param("cause", cause)
				.param("key", notice.key())
				.param("arguments",
						this.personalData.seal(this.json.writeValueAsString(notice.arguments()), ARGUMENTS + cause))
				.param("link", notice.link(), Types.VARCHAR)
				.param("at", at)
				.param("recipient", recipient)
				.query((row, rowNum) -> new Stored(row.getLong("message_id"), this.preferences.joined(row, rowNum)))
				.optional();
			stored.ifPresent((message) -> message.chosen()
				.ifPresent((chosen) -> sendAfterCommit(this.deliveries.enqueue(message.id(), chosen, notice.key(),
						notice.arguments(), notice.link()))));
		}
	}

	private record Stored(long id, Optional<Preferences> chosen) {
	}

	@Override
	@Transactional
	public void tellStaff(String department, String key, List<String> arguments, String link) {
		this.preferences.ofDepartment(department)
			.forEach((staff) -> sendAfterCommit(this.deliveries.enqueue(null, staff, key, arguments, link)));
	}

	/** The outbox is sent from once the deliveries are committed, not before. */
	private void sendAfterCommit(List<UUID> queued) {
		if (queued.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				Messages.this.sender.getObject().wake();
			}

		});
	}

	@Override
	public List<Message> of(Subject recipient) {
		String column = (recipient.person() != null) ? "recipient_person_index" : "recipient_credit_code";
		String value = this.recipients.of(recipient);
		return this.jdbc
			.sql("select * from messages_message where " + column
					+ " = :who order by created_at desc, id desc limit 200")
			.param("who", value)
			.query((row, rowNum) -> new Message(row.getLong("id"), row.getString("message_key"),
					this.json.readValue(
							this.personalData.open(row.getString("arguments"), ARGUMENTS + row.getString("cause")),
							TEXTS),
					row.getString("link"), row.getTimestamp("created_at").toInstant()))
			.list();
	}

}
