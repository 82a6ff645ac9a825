package org.onevisit.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.Channel;
import org.onevisit.shared.Subject;

/**
 * A provider's verified callback settled an application's fees, paid for the matter's
 * subject (the payer told about it); the channel the matter was filed through says
 * whether a partner filed it (and is told).
 */
public record PaymentConfirmed(UUID payment, ApplicationId application, BigDecimal amount, String provider,
		String transactionId, Instant at, String trackingNumber, Subject payer, Channel channel) {
}
