package org.onevisit.payments.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.onevisit.applications.ApplicationEvents.ApplicationSubmitted;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.Filing;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.payments.Payment;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens the fee order of a filed application from the fees its items carried in the
 * catalogue version it was filed under; free matters get none. A repeated delivery of the
 * event finds the order there and adds nothing.
 */
@Component
class FeeOrdering {

	private final ApplicationManagement applications;

	private final Catalogue catalogue;

	private final PaymentStore store;

	private final Clock clock;

	FeeOrdering(ApplicationManagement applications, Catalogue catalogue, PaymentStore store, Clock clock) {
		this.applications = applications;
		this.catalogue = catalogue;
		this.store = store;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ApplicationSubmitted submitted) {
		Filing filing = this.applications.filing(submitted.application());
		List<Payment.Line> lines = filing.items()
			.stream()
			.map((item) -> this.catalogue.item(item.code(), item.version()).content())
			.flatMap((ServiceItem item) -> item.fees()
				.stream()
				.map((fee) -> new Payment.Line(item.code(), fee.name(), fee.amount(), fee.basis())))
			.toList();
		BigDecimal total = PaymentStore.total(lines);
		if (total.signum() <= 0) {
			return;
		}
		this.store.insertIfAbsent(new Payment(UUID.randomUUID(), filing.id(), filing.trackingNumber(), filing.filedBy(),
				total, lines, Payment.Status.UNPAID, null, null, this.clock.instant(), null));
	}

}
