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

	/**
	 * One fee of one item, as the catalogue sets it, or one tax assessed by an item's
	 * task: then also the case the rule names, its rate (zero: exempt) and what it was
	 * levied on.
	 */
	public record Line(String itemCode, String name, BigDecimal amount, String basis, String description,
			BigDecimal rate, BigDecimal base) {

		/** A fee, as the catalogue sets it. */
		public Line(String itemCode, String name, BigDecimal amount, String basis) {
			this(itemCode, name, amount, basis, null, null, null);
		}

		/** Whether this line is an assessed tax rather than a fee. */
		public boolean assessed() {
			return this.rate != null;
		}

		/** The rate as a percentage, as the payer reads it (1.5 for 1.5 %). */
		public BigDecimal percent() {
			return (this.rate != null) ? this.rate.movePointRight(2).stripTrailingZeros() : null;
		}

	}

	/** The sum of the lines. */
	public static BigDecimal total(List<Line> lines) {
		return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** Whether a tax assessed by an item's task is among the lines. */
	public boolean assessed() {
		return this.lines.stream().anyMatch(Line::assessed);
	}

	public boolean paid() {
		return this.status == Status.PAID;
	}

	/**
	 * The order as a provider's callback settles it: paid by the callback's transaction.
	 * A callback for another amount, or one naming another transaction than the one that
	 * paid, is refused; a repeat of the callback that paid leaves it as it is.
	 */
	public Payment settle(String byProvider, PaymentProvider.Callback callback) {
		if (this.amount.compareTo(callback.amount()) != 0) {
			throw PaymentRefused.amountMismatch(this.id);
		}
		if (paid()) {
			if (!callback.transactionId().equals(this.transactionId)) {
				throw PaymentRefused.paidByOtherTransaction(this.id);
			}
			return this;
		}
		return new Payment(this.id, this.application, this.trackingNumber, this.payer, this.amount, this.lines,
				Status.PAID, byProvider, callback.transactionId(), this.createdAt, callback.paidAt());
	}

}
