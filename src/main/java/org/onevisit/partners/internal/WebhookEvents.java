package org.onevisit.partners.internal;

import org.onevisit.applications.ApplicationEvent;
import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationEvents.ApplicationAwaitingParties;
import org.onevisit.applications.ApplicationEvents.ApplicationRejected;
import org.onevisit.applications.ApplicationEvents.ApplicationSubmitted;
import org.onevisit.applications.ApplicationEvents.SupplementRequested;
import org.onevisit.delivery.DeliveryHandedOver;
import org.onevisit.licences.LicenceEvents.LicencesIssued;
import org.onevisit.payments.PaymentConfirmed;

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

	@ApplicationModuleListener(id = "partners.webhooks.applications")
	void on(ApplicationEvent event) {
		String type = null;
		String tracking = null;
		// a matter with parties is filed when it awaits their confirmations, and
		// submitted to its departments later: one "filed" either way (Webhooks.enqueue)
		if (event instanceof ApplicationAwaitingParties awaiting) {
			type = "application.filed";
			tracking = awaiting.trackingNumber();
		}
		else if (event instanceof ApplicationSubmitted submitted) {
			type = "application.filed";
			tracking = submitted.trackingNumber();
		}
		else if (event instanceof SupplementRequested requested) {
			type = "application.supplement_requested";
			tracking = requested.trackingNumber();
		}
		else if (event instanceof ApplicationApproved approved) {
			type = "application.approved";
			tracking = approved.trackingNumber();
		}
		else if (event instanceof ApplicationRejected rejected) {
			type = "application.rejected";
			tracking = rejected.trackingNumber();
		}
		if (type != null) {
			this.webhooks.enqueue(type, event.application().value(), tracking, event.at());
		}
	}

	@ApplicationModuleListener(id = "partners.webhooks.payments")
	void on(PaymentConfirmed paid) {
		this.webhooks.enqueue("application.paid", paid.application().value(), null, paid.at());
	}

	@ApplicationModuleListener(id = "partners.webhooks.licences")
	void on(LicencesIssued issued) {
		this.webhooks.enqueue("licence.issued", null, issued.trackingNumber(), issued.at());
	}

	@ApplicationModuleListener(id = "partners.webhooks.delivery")
	void on(DeliveryHandedOver handedOver) {
		this.webhooks.enqueue("application.delivered", handedOver.application().value(), handedOver.trackingNumber(),
				handedOver.at());
	}

}
