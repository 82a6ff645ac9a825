package org.onevisit.messages.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationEvents.ApplicationAwaitingParties;
import org.onevisit.applications.ApplicationEvents.ApplicationRejected;
import org.onevisit.applications.ApplicationEvents.ApplicationSubmitted;
import org.onevisit.applications.ApplicationEvents.SupplementLapsed;
import org.onevisit.applications.ApplicationEvents.SupplementRequested;
import org.onevisit.applications.ApplicationEvents.ApplicationAwaitingPayment;
import org.onevisit.applications.ApplicationEvents.ApplicationDeclined;
import org.onevisit.applications.ApplicationEvents.ApplicationLapsed;
import org.onevisit.applications.ApplicationEvents.ApplicationLapsedUnpaid;
import org.onevisit.applications.ApplicationId;
import org.onevisit.benefits.BenefitsGiven;
import org.onevisit.benefits.Policy;
import org.onevisit.delivery.Deliveries;
import org.onevisit.delivery.DeliveryHandedOver;
import org.onevisit.feedback.FeedbackEvents.ComplaintAnswered;
import org.onevisit.feedback.FeedbackEvents.EnquiryAnswered;
import org.onevisit.feedback.FeedbackEvents.RectificationAnswered;
import org.onevisit.licences.LicenceEvents.LicenceRevoked;
import org.onevisit.licences.LicenceEvents.LicencesIssued;
import org.onevisit.messages.internal.Notifications.Notice;
import org.onevisit.payments.PaymentConfirmed;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * What people are told of the other modules' events, by message key and arguments. The
 * listeners run in the publisher's transaction, not through the outbox: a message is
 * stored if and only if its cause is, and each notice names its cause so that repeating
 * an action does not repeat the message.
 */
@Component
class EventNotices {

	private final Notifications notifications;

	// looked up once: ObjectProvider.getIfAvailable resolves the dependency anew on
	// every call, which showed in every approval's profile
	private final Supplier<Deliveries> deliveries;

	private final int paymentDays;

	EventNotices(Notifications notifications, ObjectProvider<Deliveries> deliveries,
			@Value("${onevisit.payments.payment-days:15}") int paymentDays) {
		this.notifications = notifications;
		this.deliveries = SingletonSupplier.of(deliveries::getIfAvailable);
		this.paymentDays = paymentDays;
	}

	/**
	 * The receipt (回执) of a matter submitted to the departments: its tracking number and
	 * the date it is committed to be done by.
	 */
	@EventListener
	void on(ApplicationSubmitted submitted) {
		this.notifications.send(List.of(new Notice(submitted.applicant(), "submitted:" + submitted.application(),
				"message.filed", List.of(submitted.trackingNumber(), submitted.committedDue().toString()),
				matter(submitted.application()))));
	}

	/**
	 * Every item asked for, so that the applicant knows what to bring without looking,
	 * and the last day to answer.
	 */
	@EventListener
	void on(SupplementRequested requested) {
		boolean due = requested.due() != null;
		this.notifications.send(List.of(new Notice(requested.applicant(),
				"supplement-requested:" + requested.task() + ":" + requested.at().toEpochMilli(),
				due ? "message.supplementRequestedBy" : "message.supplementRequested",
				due ? List.of(requested.trackingNumber(), String.join(" / ", requested.missing()),
						requested.due().toString())
						: List.of(requested.trackingNumber(), String.join(" / ", requested.missing())),
				matter(requested.application()))));
	}

	/** The supplement did not come in time: the matter is over, and why. */
	@EventListener
	void on(SupplementLapsed lapsed) {
		this.notifications.send(List
			.of(new Notice(lapsed.applicant(), "supplement-lapsed:" + lapsed.application(), "message.supplementLapsed",
					List.of(lapsed.trackingNumber(), lapsed.due().toString()), matter(lapsed.application()))));
	}

	@EventListener
	void on(ApplicationApproved approved) {
		this.notifications.send(List.of(new Notice(approved.applicant(), "approved:" + approved.application(),
				"message.approved", List.of(approved.trackingNumber()), matter(approved.application()))));
		// named: the hall that accepted the matter, through which its result goes out
		// (统一出件), or the one the applicant chose
		pickUpHall(approved.application())
			.ifPresent((hall) -> this.notifications.send(List.of(new Notice(approved.applicant(),
					"ready-for-pick-up:" + approved.application(), "message.readyForPickUpAt",
					List.of(approved.trackingNumber(), hall), matter(approved.application())))));
	}

	/** The reasons each department gave, so that the applicant can file again rightly. */
	@EventListener
	void on(ApplicationRejected rejected) {
		this.notifications.send(List.of(new Notice(rejected.applicant(), "rejected:" + rejected.application(),
				"message.rejected", List.of(rejected.trackingNumber(), String.join(" / ", rejected.reasons())),
				matter(rejected.application()))));
	}

	/** The hall where the applicant collects the result, if they chose a pick-up. */
	private Optional<String> pickUpHall(ApplicationId application) {
		Deliveries chosen = this.deliveries.get();
		return (chosen != null) ? chosen.pickUpHallName(application) : Optional.empty();
	}

	@EventListener
	void on(LicencesIssued issued) {
		this.notifications.send(issued.licences()
			.stream()
			.map((licence) -> new Notice(licence.holder(), "licence-issued:" + licence.licence(),
					"message.licenceIssued", List.of(licence.typeName(), issued.trackingNumber()),
					"/licences/" + licence.licence()))
			.toList());
	}

	@EventListener
	void on(LicenceRevoked revoked) {
		if (revoked.superseded()) {
			// replaced, not withdrawn: the holder is pointed to the new licence
			this.notifications.send(List
				.of(new Notice(revoked.holder(), "licence-revoked:" + revoked.licence(), "message.licenceSuperseded",
						List.of(revoked.typeName(), revoked.successorNumber()), "/licences/" + revoked.successor())));
			return;
		}
		this.notifications
			.send(List.of(new Notice(revoked.holder(), "licence-revoked:" + revoked.licence(), "message.licenceRevoked",
					List.of(revoked.typeName(), revoked.reason()), "/licences/" + revoked.licence())));
	}

	@EventListener
	void on(PaymentConfirmed paid) {
		this.notifications
			.send(List.of(new Notice(paid.payer(), "payment-confirmed:" + paid.payment(), "message.paymentConfirmed",
					List.of(paid.trackingNumber(), paid.amount().toPlainString()), matter(paid.application()))));
	}

	@EventListener
	void on(DeliveryHandedOver handedOver) {
		List<String> arguments = handedOver.shipped()
				? List.of(handedOver.trackingNumber(), handedOver.courier(), handedOver.courierTrackingNumber())
				: List.of(handedOver.trackingNumber());
		this.notifications
			.send(List.of(new Notice(handedOver.recipient(), "delivery-handed-over:" + handedOver.application(),
					handedOver.shipped() ? "message.deliveryShipped" : "message.deliveryCollected", arguments,
					matter(handedOver.application()))));
	}

	@EventListener
	void on(RectificationAnswered answered) {
		this.notifications.send(List.of(new Notice(answered.applicant(),
				"rectification-answered:" + answered.rectification(), "message.rectificationAnswered",
				List.of(answered.trackingNumber()), matter(answered.application()))));
	}

	@EventListener
	void on(ComplaintAnswered answered) {
		this.notifications.send(List.of(new Notice(answered.complainant(), "complaint-answered:" + answered.complaint(),
				"message.complaintAnswered", List.of(answered.reference()), "/my/complaints")));
	}

	@EventListener
	void on(EnquiryAnswered answered) {
		this.notifications.send(List.of(new Notice(answered.asker(),
				"enquiry-answered:" + answered.enquiry() + ":" + answered.at().toEpochMilli(),
				"message.enquiryAnswered", List.of(abbreviated(answered.question())), "/my/enquiries")));
	}

	@EventListener
	void on(BenefitsGiven given) {
		String key = (given.mode() == Policy.Mode.GRANT) ? "message.benefitGranted" : "message.benefitOffered";
		this.notifications.send(given.recipients()
			.stream()
			.map((recipient) -> new Notice(recipient, "benefit:" + given.policy() + ":" + recipient.identifier(), key,
					List.of(given.policyName(), given.benefit()), "/my/benefits"))
			.toList());
	}

	@EventListener
	void on(ApplicationAwaitingParties waiting) {
		// the applicant's receipt: filed, but nothing goes to the departments before the
		// parties confirm
		this.notifications.send(List.of(new Notice(waiting.applicant(), "filed:" + waiting.application(),
				"message.filedAwaitingParties", List.of(waiting.trackingNumber()), matter(waiting.application()))));
		this.notifications.send(waiting.parties()
			.stream()
			.map((party) -> new Notice(party, "parties-awaited:" + waiting.application() + ":" + party.identifier(),
					"message.confirmationAwaited", List.of(waiting.trackingNumber()), "/my/confirmations"))
			.toList());
	}

	@EventListener
	void on(ApplicationDeclined declined) {
		this.notifications.send(List
			.of(new Notice(declined.applicant(), "party-declined:" + declined.application(), "message.partyDeclined",
					List.of(declined.trackingNumber(), declined.reason()), matter(declined.application()))));
	}

	@EventListener
	void on(ApplicationLapsed lapsed) {
		this.notifications.send(List.of(new Notice(lapsed.applicant(), "parties-lapsed:" + lapsed.application(),
				"message.partiesLapsed", List.of(lapsed.trackingNumber()), matter(lapsed.application()))));
	}

	@EventListener
	void on(ApplicationAwaitingPayment awaiting) {
		this.notifications.send(List
			.of(new Notice(awaiting.applicant(), "payment-awaited:" + awaiting.application(), "message.paymentAwaited",
					List.of(awaiting.trackingNumber(), awaiting.amount().toPlainString(),
							String.join(" / ", awaiting.what()), Integer.toString(this.paymentDays)),
					matter(awaiting.application()))));
	}

	@EventListener
	void on(ApplicationLapsedUnpaid lapsed) {
		this.notifications.send(List.of(new Notice(lapsed.applicant(), "payment-lapsed:" + lapsed.application(),
				"message.paymentLapsed", List.of(lapsed.trackingNumber()), matter(lapsed.application()))));
	}

	private static String matter(ApplicationId application) {
		return "/my/applications/" + application.value();
	}

	/** A question is named by its first twenty characters. */
	private static String abbreviated(String text) {
		return (text.length() <= 20) ? text : text.substring(0, 20) + "…";
	}

}
