package org.onevisit.partners.internal;

import java.util.Optional;

import org.onevisit.applications.ApplicationEvent;
import org.onevisit.applications.Channel;
import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationEvents.ApplicationAwaitingParties;
import org.onevisit.applications.ApplicationEvents.ApplicationRejected;
import org.onevisit.applications.ApplicationEvents.ApplicationSubmitted;
import org.onevisit.applications.ApplicationEvents.SupplementRequested;
import org.onevisit.delivery.DeliveryHandedOver;
import org.onevisit.licences.LicenceEvents.LicencesIssued;
import org.onevisit.payments.PaymentConfirmed;
import org.onevisit.platform.OnlyWhen;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What happens to matters partners filed, turned into webhook deliveries in the outbox:
 * filed, 补正 requested, approved, rejected, paid, licence issued, delivered.
 */
@Component
class WebhookEvents {

	private final Webhooks webhooks;

	WebhookEvents(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	/**
	 * Only the matters partners filed have subscribers: decided on the event, in memory,
	 * so that every other matter's events cost no outbox row.
	 */
	boolean concerns(ApplicationEvent event) {
		return told(event).filter((told) -> filedByAPartner(told.channel())).isPresent();
	}

	/**
	 * Whether a payment, a licence or a hand-over is of a matter a partner filed, as its
	 * event says: the only ones with subscribers.
	 */
	boolean concerns(PaymentConfirmed paid) {
		return filedByAPartner(paid.channel());
	}

	boolean concerns(LicencesIssued issued) {
		return filedByAPartner(issued.channel());
	}

	boolean concerns(DeliveryHandedOver handedOver) {
		return filedByAPartner(handedOver.channel());
	}

	private static boolean filedByAPartner(Channel channel) {
		return channel == Channel.PARTNER;
	}

	@ApplicationModuleListener(id = "partners.webhooks.applications")
	@OnlyWhen("concerns")
	void on(ApplicationEvent event) {
		told(event).ifPresent(
				(told) -> this.webhooks.enqueue(told.type(), event.application().value(), told.tracking(), event.at()));
	}

	/** A webhook's type for an application's event, if partners are told of it. */
	private static Optional<Told> told(ApplicationEvent event) {
		// a matter with parties is filed when it awaits their confirmations, and
		// submitted to its departments later: one "filed" either way (Webhooks.enqueue)
		if (event instanceof ApplicationAwaitingParties awaiting) {
			return Optional.of(new Told("application.filed", awaiting.trackingNumber(), awaiting.channel()));
		}
		if (event instanceof ApplicationSubmitted submitted) {
			return Optional.of(new Told("application.filed", submitted.trackingNumber(), submitted.channel()));
		}
		if (event instanceof SupplementRequested requested) {
			return Optional
				.of(new Told("application.supplement_requested", requested.trackingNumber(), requested.channel()));
		}
		if (event instanceof ApplicationApproved approved) {
			return Optional.of(new Told("application.approved", approved.trackingNumber(), approved.channel()));
		}
		if (event instanceof ApplicationRejected rejected) {
			return Optional.of(new Told("application.rejected", rejected.trackingNumber(), rejected.channel()));
		}
		return Optional.empty();
	}

	private record Told(String type, String tracking, Channel channel) {
	}

	@ApplicationModuleListener(id = "partners.webhooks.payments")
	@OnlyWhen("concerns")
	void on(PaymentConfirmed paid) {
		this.webhooks.enqueue("application.paid", paid.application().value(), null, paid.at());
	}

	@ApplicationModuleListener(id = "partners.webhooks.licences")
	@OnlyWhen("concerns")
	void on(LicencesIssued issued) {
		this.webhooks.enqueue("licence.issued", null, issued.trackingNumber(), issued.at());
	}

	@ApplicationModuleListener(id = "partners.webhooks.delivery")
	@OnlyWhen("concerns")
	void on(DeliveryHandedOver handedOver) {
		this.webhooks.enqueue("application.delivered", handedOver.application().value(), handedOver.trackingNumber(),
				handedOver.at());
	}

}
