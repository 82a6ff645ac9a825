package org.onevisit.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.onevisit.applications.ApplicationId;

/** A provider's verified callback settled an application's fees. */
public record PaymentConfirmed(UUID payment, ApplicationId application, BigDecimal amount, String provider,
		String transactionId, Instant at) {
}
