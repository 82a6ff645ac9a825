package org.onevisit.payments;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment provider (a bank's or a payment platform's cashier): it takes the payer to
 * its own page and later calls back, signing what it reports.
 */
public interface PaymentProvider {

	String code();

	/** The provider's page where the payer pays this order. */
	URI checkout(Payment payment);

	/**
	 * Reads a callback after checking its signature with the provider's published key;
	 * {@link PaymentRefused#forgedCallback} when it does not verify or cannot be read.
	 */
	Callback read(byte[] body, String keyId, String signature);

	/** What the provider reports: this order was paid with this amount. */
	record Callback(UUID payment, String transactionId, BigDecimal amount, Instant paidAt) {
	}

}
