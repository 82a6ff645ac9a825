package org.onevisit.payments.internal;

import java.util.UUID;

import org.onevisit.identity.Actor;
import org.onevisit.applications.ReviewRefused;
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

	/**
	 * The order as the cashier shows it to the applicant it is for (who filed it, or whom
	 * a clerk filed it for); not found for anyone else.
	 */
	public Payment order(UUID payment, Actor payer) {
		Payment order = this.store.find(payment).orElseThrow(() -> PaymentRefused.orderNotFound(payment));
		if (payer.kind() != Actor.Kind.APPLICANT) {
			throw PaymentRefused.orderNotFound(payment);
		}
		try {
			this.payments.of(order.application(), payer);
		}
		catch (ReviewRefused notTheirs) {
			throw PaymentRefused.orderNotFound(payment);
		}
		return order;
	}

	public Payment pay(UUID payment, Actor payer) {
		Payment order = order(payment, payer);
		if (order.paid()) {
			return order;
		}
		SimulatedCashier.SignedCallback callback = this.cashier.paid(order);
		return this.payments.confirm(SimulatedProvider.CODE, callback.body(), callback.keyId(), callback.signature());
	}

}
