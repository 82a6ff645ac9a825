package org.onevisit.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.onevisit.identity.Actor;
import org.onevisit.applications.ApplicationId;
import org.onevisit.queues.Hall;
import org.onevisit.queues.Halls;

/** Delivery choices and hand-offs. */
public interface Deliveries {

	/** What the applicant chose, for whoever may see the application. */
	Delivery of(ApplicationId application, Actor by);

	/**
	 * Whether the applicant chose to collect the result at a hall: for the modules that
	 * tell them when it is ready, without reading the application again.
	 */
	default boolean collectedAtHall(ApplicationId application) {
		return pickUpHallName(application).isPresent();
	}

	/**
	 * The name of the hall where the applicant collects the result, when they chose a
	 * pick-up: for the notice that it is ready there.
	 */
	Optional<String> pickUpHallName(ApplicationId application);

	/**
	 * The halls where the result may be collected: the hall whose window accepted the
	 * matter, through which its result goes out (统一出件), or any hall for a matter filed
	 * otherwise.
	 */
	List<Hall> pickUpHalls(ApplicationId application, Actor by);

	/**
	 * The applicant chooses how to receive the result, until it is handed over; a pick-up
	 * names a hall, a courier a recipient, a mobile number and an address.
	 */
	Delivery choose(ApplicationId application, Choice choice, Actor applicant);

	/** A delivery choice as the applicant gives it. */
	record Choice(Delivery.Method method, String hallCode, String recipient, String phone, String address) {

		// a mainland mobile number, which the courier texts on arrival
		private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

		/**
		 * The choice with only what its method needs: nothing more for the electronic
		 * licence, a hall that exists for a pick-up, and for a courier a recipient, a
		 * mobile number and an address of a sensible length; refused naming every field
		 * that is missing or wrong.
		 */
		public static Choice checked(Choice choice, Halls halls) {
			if (choice == null || choice.method() == null) {
				throw DeliveryRefused.incomplete(List.of("method"));
			}
			List<String> wrong = new ArrayList<>();
			switch (choice.method()) {
				case ELECTRONIC:
					return new Choice(Delivery.Method.ELECTRONIC, null, null, null, null);
				case PICKUP:
					if (choice.hallCode() == null || halls.hall(choice.hallCode()).isEmpty()) {
						throw DeliveryRefused.incomplete(List.of("hallCode"));
					}
					return new Choice(Delivery.Method.PICKUP, choice.hallCode(), null, null, null);
				default:
					String recipient = Delivery.blankToNull(choice.recipient());
					String phone = Delivery.blankToNull(choice.phone());
					String address = Delivery.blankToNull(choice.address());
					if (recipient == null || recipient.length() > 50) {
						wrong.add("recipient");
					}
					if (phone == null || !MOBILE.matcher(phone).matches()) {
						wrong.add("phone");
					}
					if (address == null || address.length() < 6 || address.length() > 200) {
						wrong.add("address");
					}
					if (!wrong.isEmpty()) {
						throw DeliveryRefused.incomplete(wrong);
					}
					return new Choice(Delivery.Method.COURIER, null, recipient, phone, address);
			}
		}

	}

	/** Approved results waiting at a hall or for a courier, oldest first. */
	List<Delivery> waitingForHandOver();

	/**
	 * Records the hand-off: collected at the hall, or given to a courier with its
	 * tracking number; the applicant is told.
	 */
	Delivery handOver(ApplicationId application, String courier, String courierTrackingNumber, Actor clerk);

}
