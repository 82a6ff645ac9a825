package org.onevisit.payments.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.Filing;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.payments.Payment;

import org.springframework.stereotype.Component;

/**
 * Opens the fee order of a filed application from the fees its items carried in the
 * catalogue version it was filed under; free matters get none. Opened the first time
 * anyone asks for it (the applicant's page, the reviewer's case, a partner), not for
 * every filing: a listener per filing cost the bundle throughput a transaction each, for
 * matters most often free. A second asker finds it there and adds nothing.
 */
@Component
class FeeOrdering {

	private final ApplicationManagement applications;

	private final Catalogue catalogue;

	private final Payments payments;

	private final Clock clock;

	FeeOrdering(ApplicationManagement applications, Catalogue catalogue, Payments payments, Clock clock) {
		this.applications = applications;
		this.catalogue = catalogue;
		this.payments = payments;
		this.clock = clock;
	}

	/**
	 * The application's order, opened now if its items carry fees and it has none yet.
	 */
	Optional<Payment> open(ApplicationId application) {
		Optional<Payment> existing = this.payments.ofApplication(application);
		if (existing.isPresent()) {
			return existing;
		}
		Filing filing = this.applications.filing(application);
		List<Payment.Line> lines = filing.items()
			.stream()
			.map((item) -> this.catalogue.item(item.code(), item.version()).content())
			.flatMap((ServiceItem item) -> item.fees()
				.stream()
				.map((fee) -> new Payment.Line(item.code(), fee.name(), fee.amount(), fee.basis())))
			.toList();
		BigDecimal total = lines.stream().map(Payment.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (total.signum() <= 0) {
			return Optional.empty();
		}
		this.payments.insertIfAbsent(new Payment(UUID.randomUUID(), filing.id(), filing.trackingNumber(),
				filing.filedBy(), total, lines, Payment.Status.UNPAID, null, null, this.clock.instant(), null));
		return this.payments.ofApplication(application);
	}

}
