package org.onevisit.partners.internal;

import org.onevisit.shared.OneVisitException;

/** A subscription that cannot be made, or a delivery that is not the partner's. */
public class WebhookRefused extends OneVisitException {

	private WebhookRefused(String code, Kind kind, String developerMessage) {
		super(code, kind, developerMessage);
	}

	static WebhookRefused invalid() {
		return new WebhookRefused("webhook_invalid", Kind.INVALID,
				"a subscription names an https URL and at least one known event type");
	}

	static WebhookRefused targetNotPublic() {
		return new WebhookRefused("webhook_target_private", Kind.INVALID,
				"the URL names or resolves to a loopback, private, link-local or unique local address");
	}

	static WebhookRefused notFound() {
		return new WebhookRefused("webhook_delivery_not_found", Kind.NOT_FOUND, "no such delivery of this partner");
	}

}
