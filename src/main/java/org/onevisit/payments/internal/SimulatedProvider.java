package org.onevisit.payments.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.onevisit.payments.Payment;
import org.onevisit.payments.PaymentProvider;
import org.onevisit.payments.PaymentRefused;
import org.onevisit.shared.VerifyingKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The simulated provider as OneVisit sees it: its cashier page, and its callbacks checked
 * against its public key. A real provider is another implementation of the same interface
 * with the key it publishes.
 */
@Component
class SimulatedProvider implements PaymentProvider {

	static final String CODE = "simulated";

	private final VerifyingKey key;

	private final JsonMapper json;

	SimulatedProvider(SimulatedCashier cashier, JsonMapper json) {
		this.key = cashier.publicKey();
		this.json = json;
	}

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public URI checkout(Payment payment) {
		return URI.create("/pay/simulator/" + payment.id());
	}

	@Override
	public Callback read(byte[] body, String keyId, String signature) {
		if (keyId == null || !keyId.equals(this.key.id())) {
			throw PaymentRefused.forgedCallback("unknown key " + keyId);
		}
		this.key.verify(body, signature, PaymentRefused::forgedCallback);
		try {
			JsonNode node = this.json.readTree(body);
			return new Callback(UUID.fromString(node.required("payment").asString()),
					node.required("transaction").asString(), new BigDecimal(node.required("amount").asString()),
					Instant.parse(node.required("paidAt").asString()));
		}
		catch (JacksonException | IllegalArgumentException | DateTimeParseException ex) {
			// signed by the provider yet unreadable: still not something to act on
			throw PaymentRefused.forgedCallback("unreadable callback");
		}
	}

}
