package org.onevisit.delivery;

import java.time.Instant;

import org.onevisit.applications.ApplicationId;

/**
 * How an application's result is delivered; electronic only until the applicant chooses
 * otherwise. Ready once the application is approved; handed over once a clerk records the
 * pick-up or the courier's tracking number.
 */
public record Delivery(ApplicationId application, String trackingNumber, Method method, String hallCode,
		String recipient, String phone, String address, Instant readyAt, Instant handedOverAt, String handedOverBy,
		String courier, String courierTrackingNumber) {

	public enum Method {

		ELECTRONIC, PICKUP, COURIER

	}

	public boolean handedOver() {
		return this.handedOverAt != null;
	}

	/** The applicant may still change how it is delivered. */
	public boolean changeable() {
		return !handedOver();
	}

}
