package org.onevisit.payments;

import java.net.URI;
import java.util.Optional;

import org.onevisit.identity.Actor;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.TaskId;

/**
 * The fees of applications. Whoever may see an application may see its payment; only its
 * applicant may pay.
 */
public interface PaymentManagement {

	/**
	 * The application's order, opened at filing with its fees and completed with the
	 * taxes its tax task assessed; empty when it owes nothing.
	 */
	Optional<Payment> of(ApplicationId application, Actor by);

	/**
	 * Whether paying online is offered at all: a provider is configured (the simulator
	 * counts only in demo mode).
	 */
	boolean onlinePayment();

	/** Whether this actor may pay the application's order online now. */
	boolean payable(ApplicationId application, Actor by);

	/**
	 * Whether the order still waits for the taxes a task of the matter assesses (not
	 * payable before: it is paid once, in full).
	 */
	boolean awaitingAssessment(ApplicationId application, Actor by);

	/**
	 * The taxes the task assesses, for its reviewer: as assessed at its approval, or as
	 * they would be assessed now (the facts read from the registries, on the ledger as
	 * the reviewer); empty when the task's item assesses none.
	 */
	Optional<TaxAssessment> assessment(TaskId task, Actor by);

	/**
	 * Where the applicant pays: the provider's page for this order.
	 * {@link PaymentRefused} when there is nothing to pay.
	 */
	URI checkout(ApplicationId application, Actor by);

	/**
	 * The largest callback body kept: a provider's notice is a few hundred bytes; more is
	 * refused unread and unstored.
	 */
	int MAX_CALLBACK_BYTES = 64 * 1024;

	/**
	 * A provider's callback, exactly as received. The order is paid only when the
	 * signature verifies and the callback matches it; a repeat of a callback already
	 * applied changes nothing. Every callback is kept, refused ones too.
	 */
	Payment confirm(String provider, byte[] body, String keyId, String signature);

	/**
	 * The order of the matter with this tracking number, for a clerk at a hall's window
	 * whom its payer shows the number; empty when it has none.
	 */
	Optional<Payment> ofTrackingNumber(String trackingNumber, Actor clerk);

	/**
	 * The order paid at a hall's window (card or cash): the clerk records the receipt
	 * (缴款凭证) number, and the matter is settled as by a provider's callback. Refused as
	 * online paying is (nothing to pay, already paid, ended, taxes not yet assessed), and
	 * without a receipt number ({@code payment_receipt_invalid}).
	 */
	Payment payAtWindow(ApplicationId application, String receiptNumber, Actor clerk);

}
