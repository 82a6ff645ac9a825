package org.onevisit.delivery.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.applications.ApplicationSummary;
import org.onevisit.delivery.Deliveries;
import org.onevisit.delivery.Delivery;
import org.onevisit.delivery.DeliveryHandedOver;
import org.onevisit.delivery.DeliveryRefused;
import org.onevisit.identity.Actor;
import org.onevisit.licences.Licence;
import org.onevisit.licences.LicenceWallet;
import org.onevisit.queues.Hall;
import org.onevisit.queues.Halls;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DeliveryService implements Deliveries {

	private final ApplicationManagement applications;

	private final Halls halls;

	private final DeliveryChoices choices;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final LicenceWallet licences;

	DeliveryService(ApplicationManagement applications, Halls halls, DeliveryChoices choices,
			ApplicationEventPublisher events, Clock clock, LicenceWallet licences) {
		this.licences = licences;
		this.applications = applications;
		this.halls = halls;
		this.choices = choices;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Delivery of(ApplicationId id, Actor by) {
		ApplicationSummary application = this.applications.summary(id, by);
		return this.choices.find(id).orElseGet(() -> Delivery.electronicOnly(id, application.trackingNumber()));
	}

	@Override
	public Optional<String> pickUpHallName(ApplicationId id) {
		return this.choices.find(id)
			.filter((chosen) -> chosen.method() == Delivery.Method.PICKUP)
			.map((chosen) -> this.halls.hall(chosen.hallCode()).map(Hall::name).orElse(chosen.hallCode()));
	}

	@Override
	public List<Hall> pickUpHalls(ApplicationId id, Actor by) {
		ApplicationSummary application = this.applications.summary(id, by);
		return acceptingHall(application).map(List::of).orElseGet(this.halls::halls);
	}

	/** The hall whose window accepted the matter, through which its result goes out. */
	private Optional<Hall> acceptingHall(ApplicationSummary application) {
		return Optional.ofNullable(application.hallCode()).flatMap(this.halls::hall);
	}

	@Override
	@Transactional
	public Delivery choose(ApplicationId id, Choice choice, Actor applicant) {
		ApplicationSummary application = this.applications.summary(id, applicant);
		if (applicant.kind() != Actor.Kind.APPLICANT) {
			throw DeliveryRefused.notFound();
		}
		Optional<Hall> accepting = acceptingHall(application);
		// 统一出件: a matter accepted at a window is collected there; the applicant need
		// not name the hall, and may not name another
		Choice asked = (choice != null && choice.method() == Delivery.Method.PICKUP && choice.hallCode() == null
				&& accepting.isPresent()) ? new Choice(Delivery.Method.PICKUP, accepting.get().code(), null, null, null)
						: choice;
		Choice checked = Choice.checked(asked, this.halls);
		if (checked.method() == Delivery.Method.PICKUP && accepting.isPresent()
				&& !accepting.get().code().equals(checked.hallCode())) {
			throw DeliveryRefused.pickUpAtAcceptingHall(accepting.get().name());
		}
		if (checked.method() != Delivery.Method.ELECTRONIC && !validResultLeft(application.trackingNumber())) {
			throw DeliveryRefused.noValidResult();
		}
		Optional<Delivery> existing = this.choices.lock(id);
		if (existing.isPresent() && existing.get().handedOver()) {
			throw DeliveryRefused.alreadyHandedOver();
		}
		this.choices.choose(id, application.trackingNumber(), checked, applicant.username(), this.clock.instant());
		return this.choices.find(id).orElseThrow();
	}

	@Override
	public List<Delivery> waitingForHandOver() {
		// the few who asked for a pick-up or a courier and have not had it: which are
		// approved is asked of the applications, rather than told to this module for
		// every approval
		return this.choices.notHandedOver()
			.stream()
			.map(this::withReadiness)
			.filter((delivery) -> delivery.readyAt() != null)
			.filter((delivery) -> validResultLeft(delivery.trackingNumber()))
			.sorted(Comparator.comparing(Delivery::readyAt))
			.toList();
	}

	/**
	 * Whether the matter still has a result worth handing over: a licence that stands
	 * today (not revoked, not superseded, not expired). A matter whose items issue no
	 * licence is not held back.
	 */
	private boolean validResultLeft(String trackingNumber) {
		List<Licence> issued = this.licences.issuedFor(trackingNumber);
		LocalDate today = LocalDate.now(this.clock);
		return issued.isEmpty() || issued.stream().anyMatch((licence) -> licence.standsOn(today));
	}

	/** Ready once the application is approved, from the moment it was. */
	private Delivery withReadiness(Delivery delivery) {
		if (delivery.readyAt() != null) {
			return delivery;
		}
		ApplicationSummary application = this.applications.summary(delivery.application(), Actor.system());
		if (application.status() != ApplicationStatus.APPROVED) {
			return delivery;
		}
		return delivery.readyFrom(application.finishedAt());
	}

	@Override
	@Transactional
	public Delivery handOver(ApplicationId id, String courier, String courierTrackingNumber, Actor clerk) {
		if (clerk.kind() != Actor.Kind.CLERK) {
			throw DeliveryRefused.notFound();
		}
		Delivery ready = this.choices.lock(id).map(this::withReadiness).orElseThrow(DeliveryRefused::notReady);
		if (!validResultLeft(ready.trackingNumber())) {
			throw DeliveryRefused.noValidResult();
		}
		Delivery handedOver = ready.handOver(courier, courierTrackingNumber, clerk.username(), this.clock.instant());
		this.choices.saveHandOver(handedOver);
		ApplicationSummary matter = this.applications.summary(id, Actor.system());
		this.events.publishEvent(new DeliveryHandedOver(id, handedOver.trackingNumber(), matter.subject(),
				handedOver.method() == Delivery.Method.COURIER, handedOver.courier(),
				handedOver.courierTrackingNumber(), this.clock.instant(), matter.channel()));
		return this.choices.find(id).orElseThrow();
	}

}
