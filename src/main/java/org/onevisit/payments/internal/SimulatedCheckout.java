package org.onevisit.payments.internal;

import java.util.UUID;

import org.onevisit.identity.Actor;
import org.onevisit.applications.ReviewRefused;
import org.onevisit.payments.Payment;
import org.onevisit.payments.PaymentRefused;
import org.onevisit.payments.PaymentManagement;

import org.springframework.stereotype.Component;

/**
 * What the simulated provider does when the payer confirms on its page: it signs the
 * callback and delivers it to OneVisit through {@link PaymentManagement#confirm}, the
 * same path an HTTP callback takes.
 */
@Component
public class SimulatedCheckout {

	private final Payments orders;

	private final SimulatedCashier cashier;

	private final PaymentManagement payments;

	SimulatedCheckout(Payments orders, SimulatedCashier cashier, PaymentManagement payments) {
		this.orders = orders;
		this.cashier = cashier;
		this.payments = payments;
	}

	/**
	 * The order as the cashier shows it to the applicant it is for (who filed it, or whom
	 * a clerk filed it for); not found for anyone else.
	 */
	public Payment order(UUID payment, Actor payer) {
		Payment order = this.orders.find(payment).orElseThrow(() -> PaymentRefused.orderNotFound(payment));
		if (!PaymentService.mayPay(payer)) {
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
