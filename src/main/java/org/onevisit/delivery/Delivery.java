package org.onevisit.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

	/**
	 * What an application has before the applicant chooses: the electronic licence only.
	 */
	public static Delivery electronicOnly(ApplicationId application, String trackingNumber) {
		return new Delivery(application, trackingNumber, Method.ELECTRONIC, null, null, null, null, null, null, null,
				null, null);
	}

	public boolean handedOver() {
		return this.handedOverAt != null;
	}

	/** The applicant may still change how it is delivered. */
	public boolean changeable() {
		return !handedOver();
	}

	/** Ready from the moment the application was approved. */
	public Delivery readyFrom(Instant approvedAt) {
		return new Delivery(this.application, this.trackingNumber, this.method, this.hallCode, this.recipient,
				this.phone, this.address, approvedAt, this.handedOverAt, this.handedOverBy, this.courier,
				this.courierTrackingNumber);
	}

	/**
	 * The clerk hands the result over: only a ready pick-up or courier delivery, once; a
	 * courier hand-off names the company and its tracking number.
	 */
	public Delivery handOver(String courier, String courierTrackingNumber, String by, Instant at) {
		if (this.readyAt == null || this.method == Method.ELECTRONIC) {
			throw DeliveryRefused.notReady();
		}
		if (handedOver()) {
			throw DeliveryRefused.alreadyHandedOver();
		}
		if (this.method != Method.COURIER) {
			return handedOver(null, null, by, at);
		}
		String company = blankToNull(courier);
		String tracking = blankToNull(courierTrackingNumber);
		List<String> missing = new ArrayList<>();
		if (company == null) {
			missing.add("courier");
		}
		if (tracking == null || !tracking.matches("[A-Za-z0-9-]{6,40}")) {
			missing.add("courierTrackingNumber");
		}
		if (!missing.isEmpty()) {
			throw DeliveryRefused.incomplete(missing);
		}
		return handedOver(company, tracking, by, at);
	}

	private Delivery handedOver(String company, String tracking, String by, Instant at) {
		return new Delivery(this.application, this.trackingNumber, this.method, this.hallCode, this.recipient,
				this.phone, this.address, this.readyAt, at, by, company, tracking);
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
