package org.onevisit.messages.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.privacy.PersonalData;
import org.onevisit.shared.Subject;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of e-mails and texts: a row per notice and channel, written in the notice's
 * transaction, claimed by the sender after commit. A row moves PENDING → SENDING → SENT,
 * back to PENDING after a failure until its attempts run out (FAILED); a row left SENDING
 * by a crash is never picked up again on its own, so nothing is sent twice. The address,
 * what the notice says and the channel's last error (which may quote the address) are
 * stored sealed, bound to the delivery.
 */
@Repository
public class OutgoingDeliveries {

	public enum Channel {

		EMAIL, SMS

	}

	public enum State {

		PENDING, SENDING, SENT, FAILED

	}

	/** One e-mail or text to send, with what it says by message key. */
	public record Outgoing(UUID id, Long message, String recipient, Channel channel, String address, String locale,
			String key, List<String> arguments, String link, State state, int attempts, String lastError,
			String gatewayReference, String receipt, Instant createdAt, Instant sentAt) {

		public Outgoing {
			arguments = List.copyOf(arguments);
		}

	}

	private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
	};

	private static final String ADDRESS = "messages_delivery.address/";

	private static final String ARGUMENTS = "messages_delivery.arguments/";

	private static final String LAST_ERROR = "messages_delivery.last_error/";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final PersonalData personalData;

	private final Recipients recipients;

	private final Clock clock;

	private final RowMapper<Outgoing> row;

	OutgoingDeliveries(JdbcClient jdbc, JsonMapper json, PersonalData personalData, Recipients recipients,
			Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.personalData = personalData;
		this.recipients = recipients;
		this.clock = clock;
		this.row = (rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			return new Outgoing(id, (Long) rs.getObject("message_id"), rs.getString("recipient"),
					Channel.valueOf(rs.getString("channel")), personalData.open(rs.getString("address"), ADDRESS + id),
					rs.getString("locale"), rs.getString("message_key"),
					this.json.readValue(personalData.open(rs.getString("arguments"), ARGUMENTS + id), TEXTS),
					rs.getString("link"), State.valueOf(rs.getString("state")), rs.getInt("attempts"),
					personalData.open(rs.getString("last_error"), LAST_ERROR + id), rs.getString("gateway_reference"),
					rs.getString("receipt"), instant(rs.getTimestamp("created_at")),
					instant(rs.getTimestamp("sent_at")));
		};
	}

	/**
	 * The deliveries of a notice to the channels its recipient chose, in the caller's
	 * transaction.
	 */
	List<UUID> enqueue(Long message, Preferences to, String key, List<String> arguments, String link) {
		List<UUID> ids = new ArrayList<>();
		if (to.emailEnabled()) {
			ids.add(insert(message, to, Channel.EMAIL, to.email(), key, arguments, link));
		}
		if (to.smsEnabled()) {
			ids.add(insert(message, to, Channel.SMS, to.mobile(), key, arguments, link));
		}
		return ids;
	}

	private UUID insert(Long message, Preferences to, Channel channel, String address, String key,
			List<String> arguments, String link) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				insert into messages_delivery (id, message_id, recipient, channel, address, locale, message_key,
				    arguments, link, state, next_attempt_at, created_at)
				values (:id, :message, :recipient, :channel, :address, :locale, :key, :arguments, :link,
				    'PENDING', :now, :now)
				""")
			.param("id", id)
			.param("message", message)
			.param("recipient", to.recipient())
			.param("channel", channel.name())
			.param("address", this.personalData.seal(address, ADDRESS + id))
			.param("locale", to.locale())
			.param("key", key)
			.param("arguments", this.personalData.seal(this.json.writeValueAsString(arguments), ARGUMENTS + id))
			.param("link", link)
			.param("now", now)
			.update();
		return id;
	}

	/**
	 * Takes the next due delivery for sending, marked SENDING (since now) and its attempt
	 * counted before anything is sent; another node skips the row it holds.
	 */
	Optional<Outgoing> claimNext() {
		return this.jdbc.sql("""
				update messages_delivery set state = 'SENDING', attempts = attempts + 1, next_attempt_at = :now
				where id = (select id from messages_delivery where state = 'PENDING' and next_attempt_at <= :now
				            order by next_attempt_at limit 1 for update skip locked)
				returning *
				""").param("now", Timestamp.from(this.clock.instant())).query(this.row).optional();
	}

	void sent(UUID id, String gatewayReference) {
		this.jdbc.sql("""
				update messages_delivery set state = 'SENT', sent_at = :now, gateway_reference = :reference,
				    last_error = null
				where id = :id and state = 'SENDING'
				""")
			.param("id", id)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("reference", gatewayReference)
			.update();
	}

	/**
	 * The channel refused or could not be reached: tried again after the backoff, or
	 * failed for good once the attempts are spent.
	 */
	void attemptFailed(Outgoing delivery, String reason, int maxAttempts, Duration backoff) {
		boolean spent = delivery.attempts() >= maxAttempts;
		Duration wait = backoff.multipliedBy(1L << Math.min(delivery.attempts() - 1, 10));
		this.jdbc.sql("""
				update messages_delivery set state = :state, last_error = :reason, next_attempt_at = :next
				where id = :id and state = 'SENDING'
				""")
			.param("id", delivery.id())
			.param("state", spent ? State.FAILED.name() : State.PENDING.name())
			.param("reason", this.personalData.seal(abbreviated(reason), LAST_ERROR + delivery.id()))
			.param("next", Timestamp.from(this.clock.instant().plus(wait)))
			.update();
	}

	/**
	 * Failed deliveries, and those left SENDING for longer than a send can take (the node
	 * stopped mid-send: whether it arrived is unknown), newest first.
	 */
	List<Outgoing> needingAttention(Duration stuckAfter) {
		return this.jdbc.sql("""
				select * from messages_delivery
				where state = 'FAILED' or (state = 'SENDING' and next_attempt_at < :stuck)
				order by created_at desc limit 200
				""").param("stuck", Timestamp.from(this.clock.instant().minus(stuckAfter))).query(this.row).list();
	}

	/**
	 * An administrator sends a failed (or stuck) delivery again, with fresh attempts and
	 * the same id, so that a receiving server that did get it can tell.
	 */
	boolean retry(UUID id) {
		return this.jdbc.sql("""
				update messages_delivery set state = 'PENDING', attempts = 0, next_attempt_at = :now
				where id = :id and state in ('FAILED', 'SENDING')
				""").param("id", id).param("now", Timestamp.from(this.clock.instant())).update() == 1;
	}

	/** What the operator reported of a text it was given under this reference. */
	boolean receipt(UUID id, String status, Instant at) {
		return this.jdbc.sql("""
				update messages_delivery set receipt = :status, receipt_at = :at
				where id = :id and channel = 'SMS'
				""").param("id", id).param("status", status).param("at", Timestamp.from(at)).update() == 1;
	}

	Optional<Outgoing> find(UUID id) {
		return this.jdbc.sql("select * from messages_delivery where id = :id")
			.param("id", id)
			.query(this.row)
			.optional();
	}

	List<Outgoing> to(Subject recipient) {
		return this.jdbc.sql("select * from messages_delivery where recipient = :recipient order by created_at")
			.param("recipient", this.recipients.of(recipient))
			.query(this.row)
			.list();
	}

	private static Instant instant(Timestamp at) {
		return (at != null) ? at.toInstant() : null;
	}

	private static String abbreviated(String reason) {
		String text = (reason != null) ? reason : "";
		return (text.length() <= 500) ? text : text.substring(0, 500) + "…";
	}

}
