package org.onevisit.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.onevisit.applications.ApplicationId;
import org.onevisit.shared.Subject;

/**
 * A provider's verified callback settled an application's fees, paid for the matter's
 * subject (the payer told about it).
 */
public record PaymentConfirmed(UUID payment, ApplicationId application, BigDecimal amount, String provider,
		String transactionId, Instant at, String trackingNumber, Subject payer) {
}
