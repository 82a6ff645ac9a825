package org.onevisit.messages.internal.web;

import java.util.Locale;

import org.onevisit.messages.internal.OutgoingDeliveries.Outgoing;
import org.onevisit.messages.internal.OutgoingDeliveries.State;

/**
 * Why a delivery failed, as an administrator reads it: a kind with its own sentence in
 * the bundles ({@code notify.failure.<kind>}); the technical reason stays on the page for
 * whoever fixes it, folded away.
 */
enum FailureKind {

	/** Left mid-send (the node stopped): whether it arrived is unknown. */
	INTERRUPTED,
	/** No mail server or SMS gateway is configured. */
	NOT_CONFIGURED,
	/** The mail server or gateway could not be reached. */
	UNREACHABLE,
	/** The server or gateway refused the address or the number. */
	ADDRESS_REFUSED,
	/** The gateway answered with an error or an answer it should not give. */
	REFUSED,
	/** Anything else. */
	OTHER;

	static FailureKind of(Outgoing delivery) {
		if (delivery.state() == State.SENDING) {
			return INTERRUPTED;
		}
		String reason = (delivery.lastError() != null) ? delivery.lastError().toLowerCase(Locale.ROOT) : "";
		if (reason.contains("not configured") || reason.contains("no mail server")) {
			return NOT_CONFIGURED;
		}
		if (reason.contains("connect") || reason.contains("timed out") || reason.contains("timeout")
				|| reason.contains("unknownhost") || reason.contains("unknown host") || reason.contains("i/o error")) {
			return UNREACHABLE;
		}
		if (reason.contains("invalid address") || reason.contains("recipient") || reason.contains("550")
				|| reason.contains("553") || reason.contains("mailbox") || reason.contains("mobile")) {
			return ADDRESS_REFUSED;
		}
		if (reason.contains("gateway") || reason.contains("http")) {
			return REFUSED;
		}
		return OTHER;
	}

}
