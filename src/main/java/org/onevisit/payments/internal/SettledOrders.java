package org.onevisit.payments.internal;

import org.onevisit.applications.ApplicationManagement;
import org.onevisit.payments.PaymentConfirmed;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells applications that a matter's order is settled, in the confirming callback's own
 * transaction: a matter waiting for payment is approved if and only if its payment is
 * recorded (a callback that fails is retried by the provider, and changes nothing).
 */
@Component
class SettledOrders {

	private final ApplicationManagement applications;

	SettledOrders(ApplicationManagement applications) {
		this.applications = applications;
	}

	@EventListener
	void on(PaymentConfirmed paid) {
		this.applications.settlePayment(paid.application());
	}

}
