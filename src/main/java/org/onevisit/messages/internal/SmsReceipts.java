package org.onevisit.messages.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.onevisit.messages.NotificationRefused;
import org.onevisit.shared.VerifyingKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Delivery receipts from the SMS gateway, checked like the payment callbacks: the body is
 * signed with the gateway's SM2 key, and only a known key is believed. The demo's
 * simulated gateway is known by its own key; a real operator's public key is configured
 * ({@code onevisit.sms.receipt-key}, hex).
 */
@Service
public class SmsReceipts {

	/** A receipt is a few hundred bytes of JSON; anything longer is not one. */
	public static final int MAX_RECEIPT_BYTES = 4 * 1024;

	/** A receipt as it arrives: the body and the signature over it. */
	public record SignedReceipt(byte[] body, String keyId, String signature) {
	}

	private final List<VerifyingKey> keys = new ArrayList<>();

	private final OutgoingDeliveries deliveries;

	private final JsonMapper json;

	SmsReceipts(OutgoingDeliveries deliveries, JsonMapper json, ObjectProvider<SimulatedSmsGateway> simulated,
			@Value("${onevisit.sms.receipt-key:}") String operatorKey) {
		this.deliveries = deliveries;
		this.json = json;
		simulated.ifAvailable((gateway) -> this.keys.add(gateway.publicKey()));
		if (StringUtils.hasText(operatorKey)) {
			this.keys.add(VerifyingKey.fromHex(operatorKey.strip()));
		}
	}

	/**
	 * Records the receipt on its delivery; a receipt for a text OneVisit did not send as
	 * a notice (a one-time code) changes nothing.
	 * @throws NotificationRefused if the signature does not verify
	 */
	@Transactional
	public void accept(SignedReceipt receipt) {
		if (receipt.body().length > MAX_RECEIPT_BYTES) {
			throw NotificationRefused.receiptTooLarge(MAX_RECEIPT_BYTES);
		}
		VerifyingKey key = this.keys.stream()
			.filter((known) -> known.id().equals(receipt.keyId()))
			.findFirst()
			.orElseThrow(() -> NotificationRefused.forgedReceipt("unknown key " + receipt.keyId()));
		key.verify(receipt.body(), receipt.signature(), NotificationRefused::forgedReceipt);
		try {
			JsonNode node = this.json.readTree(receipt.body());
			String reference = node.path("reference").asString("");
			if (reference.isEmpty()) {
				return;
			}
			this.deliveries.receipt(UUID.fromString(reference), node.required("status").asString(),
					Instant.parse(node.required("at").asString()));
		}
		catch (JacksonException | IllegalArgumentException | DateTimeParseException ex) {
			throw NotificationRefused.forgedReceipt("unreadable receipt");
		}
	}

}
