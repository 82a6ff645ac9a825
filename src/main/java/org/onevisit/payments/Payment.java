package org.onevisit.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.onevisit.applications.ApplicationId;

/**
 * The fee order of one application: what is owed, for which fees, and whether a provider
 * confirmed it was paid.
 */
public record Payment(UUID id, ApplicationId application, String trackingNumber, String payer, BigDecimal amount,
		List<Line> lines, Status status, String provider, String transactionId, Instant createdAt, Instant paidAt) {

	public Payment {
		lines = List.copyOf(lines);
	}

	public enum Status {

		UNPAID, PAID

	}

	/** One fee of one item, as the catalogue sets it. */
	public record Line(String itemCode, String name, BigDecimal amount, String basis) {
	}

	public boolean paid() {
		return this.status == Status.PAID;
	}

}
