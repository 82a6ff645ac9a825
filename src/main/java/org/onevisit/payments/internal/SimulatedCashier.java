package org.onevisit.payments.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.onevisit.payments.Payment;
import org.onevisit.shared.SigningKey;
import org.onevisit.shared.VerifyingKey;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The simulated provider's own side, as a bank's cashier would run it: it holds its
 * signing key and signs the callback it sends when the payer confirms. OneVisit's side
 * ({@link SimulatedProvider}) knows only its public key. The key is the provider's, on
 * its own machine in production: here it lives in memory only, made at each start, so
 * that nothing in OneVisit's data directory signs a callback (ADR 12).
 */
@Component
class SimulatedCashier {

	private final SigningKey key;

	private final JsonMapper json;

	private final Clock clock;

	SimulatedCashier(JsonMapper json, Clock clock) {
		this.key = SigningKey.generate();
		this.json = json;
		this.clock = clock;
	}

	/** A signed callback reporting the payment as paid. */
	SignedCallback paid(Payment payment) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("payment", payment.id().toString());
		body.put("transaction", "SIM" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
		body.put("amount", payment.amount().toPlainString());
		body.put("paidAt", this.clock.instant().toString());
		return sign(this.json.writeValueAsBytes(body));
	}

	SignedCallback sign(byte[] body) {
		return new SignedCallback(body, this.key.id(), Base64.getEncoder().encodeToString(this.key.sign(body)));
	}

	VerifyingKey publicKey() {
		return this.key.verifyingKey();
	}

	record SignedCallback(byte[] body, String keyId, String signature) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
