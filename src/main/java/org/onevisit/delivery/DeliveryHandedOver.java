package org.onevisit.delivery;

import java.time.Instant;

import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.Channel;
import org.onevisit.shared.Subject;

/**
 * An application's result left the hall: collected at the window, or given to a courier
 * (then with the courier and its tracking number). The channel the matter was filed
 * through says whether a partner filed it (and is told).
 */
public record DeliveryHandedOver(ApplicationId application, String trackingNumber, Subject recipient, boolean shipped,
		String courier, String courierTrackingNumber, Instant at, Channel channel) {
}
