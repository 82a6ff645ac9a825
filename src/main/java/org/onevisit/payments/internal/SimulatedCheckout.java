package org.onevisit.payments.internal;

import java.util.UUID;

import org.onevisit.payments.Payment;
import org.onevisit.payments.PaymentRefused;
import org.onevisit.payments.Payments;

import org.springframework.stereotype.Component;

/**
 * What the simulated provider does when the payer confirms on its page: it signs the
 * callback and delivers it to OneVisit through {@link Payments#confirm}, the same path an
 * HTTP callback takes.
 */
@Component
public class SimulatedCheckout {

	private final PaymentStore store;

	private final SimulatedCashier cashier;

	private final Payments payments;

	SimulatedCheckout(PaymentStore store, SimulatedCashier cashier, Payments payments) {
		this.store = store;
		this.cashier = cashier;
		this.payments = payments;
	}

	/** The order as the cashier shows it to its payer; not found for anyone else. */
	public Payment order(UUID payment, String payer) {
		return this.store.find(payment)
			.filter((order) -> order.payer().equals(payer))
			.orElseThrow(() -> PaymentRefused.orderNotFound(payment));
	}

	public Payment pay(UUID payment, String payer) {
		Payment order = order(payment, payer);
		if (order.paid()) {
			return order;
		}
		SimulatedCashier.SignedCallback callback = this.cashier.paid(order);
		return this.payments.confirm(SimulatedProvider.CODE, callback.body(), callback.keyId(), callback.signature());
	}

}
