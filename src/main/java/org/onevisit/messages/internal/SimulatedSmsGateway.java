package org.onevisit.messages.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.onevisit.messages.SmsGateway;
import org.onevisit.privacy.PersonalData;
import org.onevisit.shared.SigningKey;
import org.onevisit.shared.VerifyingKey;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SMS gateway of the demo and the tests, used unless a real gateway's URL is set: it
 * sends nothing, records every text in PostgreSQL as an operator's records would, and
 * calls back a delivery receipt signed with its own SM2 key (generated at first start
 * under the data directory), as an operator does. It also remembers the texts in memory,
 * so that a test reads the one-time code or the notice a person would have received. Its
 * records keep the number as a blind index and the text sealed, as OneVisit's own tables
 * do.
 */
@Component
@ConditionalOnExpression("'${onevisit.sms.gateway-url:}' == ''")
public class SimulatedSmsGateway implements SmsGateway {

	/** A text the gateway was given. */
	public record Sms(String id, String mobileNumber, String text, Instant at) {
	}

	private static final String MOBILE = "mobile";

	private static final String TEXT = "messages_simulated_sms.text/";

	private final List<Sms> sent = new CopyOnWriteArrayList<>();

	private final PersonalData personalData;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final SigningKey key;

	private final ObjectProvider<SmsReceipts> receipts;

	SimulatedSmsGateway(Clock clock, JdbcClient jdbc, JsonMapper json, PersonalData personalData,
			ObjectProvider<SmsReceipts> receipts) {
		this.clock = clock;
		this.personalData = personalData;
		this.jdbc = jdbc;
		this.json = json;
		// the simulated operator stands for another organisation's machine: its key lives
		// in memory only, made at each start (ADR 12), never as a file in the data
		// directory
		this.key = SigningKey.generate();
		this.receipts = receipts;
	}

	@Override
	public String send(String mobileNumber, String text) {
		return send(mobileNumber, text, null);
	}

	@Override
	public String send(String mobileNumber, String text, String reference) {
		Instant at = this.clock.instant();
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("""
				insert into messages_simulated_sms (id, reference, mobile, text, sent_at)
				values (:id, :reference, :mobile, :text, :at)
				""")
			.param("id", id)
			.param("reference", reference, Types.VARCHAR)
			.param("mobile", this.personalData.blindIndex(MOBILE, mobileNumber))
			.param("text", this.personalData.seal(text, TEXT + id))
			.param("at", Timestamp.from(at))
			.update();
		this.sent.add(new Sms(id, mobileNumber, text, at));
		if (reference != null) {
			// the handset took it: the operator reports so, signed
			SmsReceipts.SignedReceipt receipt = receipt(id, reference, "DELIVERED");
			this.receipts.ifAvailable((accepting) -> accepting.accept(receipt));
		}
		return id;
	}

	/** The texts sent to that number, oldest first. */
	public List<Sms> sentTo(String mobileNumber) {
		return this.sent.stream().filter((sms) -> sms.mobileNumber().equals(mobileNumber)).toList();
	}

	/** How many texts the operator's records hold for that number. */
	public int recordedFor(String mobileNumber) {
		return this.jdbc.sql("select count(*) from messages_simulated_sms where mobile = :mobile")
			.param("mobile", this.personalData.blindIndex(MOBILE, mobileNumber))
			.query(Integer.class)
			.single();
	}

	/** A receipt for a text, signed as the gateway signs it. */
	SmsReceipts.SignedReceipt receipt(String id, String reference, String status) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id);
		body.put("reference", reference);
		body.put("status", status);
		body.put("at", this.clock.instant().toString());
		byte[] bytes = this.json.writeValueAsBytes(body);
		return new SmsReceipts.SignedReceipt(bytes, this.key.id(),
				Base64.getEncoder().encodeToString(this.key.sign(bytes)));
	}

	VerifyingKey publicKey() {
		return this.key.verifyingKey();
	}

}
