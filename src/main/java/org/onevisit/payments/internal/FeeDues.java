package org.onevisit.payments.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationEvents.ApprovedItem;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.Dues;
import org.onevisit.applications.Task;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.identity.Actor;
import org.onevisit.payments.Payment;
import org.onevisit.payments.TaxAssessment;

import org.springframework.stereotype.Component;

/**
 * What matters owe, as applications asks it in its own transactions. Filing opens the fee
 * order from the fees the filed catalogue versions carry; the choice is made in memory
 * first, like {@code LicenceIssuance.concerns}, so that a free matter (the bundle
 * benchmark's) costs no statement, no transaction and no outbox record: the order is
 * written in the filing's transaction rather than by a listener per filing.
 */
@Component
class FeeDues implements Dues {

	private final Catalogue catalogue;

	private final Payments payments;

	private final TaxAssessor taxes;

	private final ApplicationManagement applications;

	private final Clock clock;

	FeeDues(Catalogue catalogue, Payments payments, TaxAssessor taxes, ApplicationManagement applications,
			Clock clock) {
		this.catalogue = catalogue;
		this.payments = payments;
		this.taxes = taxes;
		this.applications = applications;
		this.clock = clock;
	}

	@Override
	public void openAtFiling(Application filed) {
		List<Payment.Line> lines = fees(filed.tasks()
			.stream()
			.map((task) -> new ApprovedItem(task.id(), task.plan().itemCode(), task.plan().itemVersion(),
					task.plan().departmentCode()))
			.toList());
		if (Payment.total(lines).signum() <= 0) {
			return;
		}
		this.payments.insertIfAbsent(new Payment(UUID.randomUUID(), filed.id(), filed.trackingNumber(), filed.filedBy(),
				Payment.total(lines), lines, Payment.Status.UNPAID, null, null, this.clock.instant(), null));
	}

	@Override
	public void assessOnApproval(ApplicationId application, Task task, Actor by) {
		if (!this.taxes.assesses(task.plan().itemCode())) {
			return;
		}
		this.taxes.assess(application, task.plan().itemCode(), by)
			.ifPresent((assessment) -> addToOrder(application, assessment));
	}

	private void addToOrder(ApplicationId application, TaxAssessment assessment) {
		var filing = this.applications.filing(application);
		Payment opened = new Payment(UUID.randomUUID(), application, filing.trackingNumber(), filing.filedBy(),
				Payment.total(assessment.lines()), assessment.lines(), Payment.Status.UNPAID, null, null,
				this.clock.instant(), null);
		if (Payment.total(assessment.lines()).signum() <= 0 && this.payments.ofApplication(application).isEmpty()) {
			// every tax exempt and no fee: nothing to pay, no order
			return;
		}
		this.payments.assess(opened, assessment.itemCode(), assessment.lines());
	}

	@Override
	public Optional<Owed> owed(ApplicationId application, List<ApprovedItem> items) {
		boolean mayOwe = !fees(items).isEmpty()
				|| items.stream().anyMatch((item) -> this.taxes.assesses(item.itemCode()));
		if (!mayOwe) {
			return Optional.empty();
		}
		return this.payments.ofApplication(application)
			.filter((order) -> !order.paid())
			.map((order) -> new Owed(order.amount(),
					order.lines().stream().map(Payment.Line::name).distinct().toList()));
	}

	/** The fees the items carry in the catalogue versions filed. */
	List<Payment.Line> fees(List<ApprovedItem> items) {
		return items.stream()
			.map((item) -> this.catalogue.item(item.itemCode(), item.itemVersion()).content())
			.flatMap((ServiceItem item) -> item.fees()
				.stream()
				.filter((fee) -> fee.amount().signum() > 0)
				.map((fee) -> new Payment.Line(item.code(), fee.name(), fee.amount(), fee.basis())))
			.toList();
	}

}
