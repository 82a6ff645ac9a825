package org.onevisit.delivery;

import java.util.List;

import org.onevisit.identity.Actor;
import org.onevisit.applications.ApplicationId;

/** Delivery choices and hand-offs. */
public interface Deliveries {

	/** What the applicant chose, for whoever may see the application. */
	Delivery of(ApplicationId application, Actor by);

	/**
	 * The applicant chooses how to receive the result, until it is handed over; a pick-up
	 * names a hall, a courier a recipient, a mobile number and an address.
	 */
	Delivery choose(ApplicationId application, Choice choice, Actor applicant);

	/** A delivery choice as the applicant gives it. */
	record Choice(Delivery.Method method, String hallCode, String recipient, String phone, String address) {
	}

	/** Approved results waiting at a hall or for a courier, oldest first. */
	List<Delivery> waitingForHandOver();

	/**
	 * Records the hand-off: collected at the hall, or given to a courier with its
	 * tracking number; the applicant is told.
	 */
	Delivery handOver(ApplicationId application, String courier, String courierTrackingNumber, Actor clerk);

}
