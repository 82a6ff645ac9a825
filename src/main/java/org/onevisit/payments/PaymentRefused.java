package org.onevisit.payments;

import java.util.UUID;

import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.TaskId;
import org.onevisit.shared.OneVisitException;

/** A payment action or callback that is not accepted; nothing was changed. */
public final class PaymentRefused extends OneVisitException {

	private PaymentRefused(String code, Kind kind, String developerMessage, Object... arguments) {
		super(code, kind, developerMessage, arguments);
	}

	public static PaymentRefused nothingToPay(ApplicationId application) {
		return new PaymentRefused("payment_not_found", Kind.NOT_FOUND,
				"no payment to make for application " + application.value());
	}

	public static PaymentRefused orderNotFound(UUID payment) {
		return new PaymentRefused("payment_not_found", Kind.NOT_FOUND, "no payment " + payment + " for this payer");
	}

	public static PaymentRefused alreadyPaid(ApplicationId application) {
		return new PaymentRefused("payment_already_paid", Kind.CONFLICT,
				"application " + application.value() + " is paid");
	}

	public static PaymentRefused unknownProvider(String provider) {
		return new PaymentRefused("payment_provider_unknown", Kind.NOT_FOUND, "no payment provider " + provider);
	}

	public static PaymentRefused forgedCallback(String why) {
		return new PaymentRefused("payment_callback_forged", Kind.UNAUTHENTICATED, "callback refused: " + why);
	}

	public static PaymentRefused callbackTooLarge(int limit) {
		return new PaymentRefused("payment_callback_too_large", Kind.INVALID,
				"callback body over " + limit + " bytes, not stored", limit / 1024);
	}

	public static PaymentRefused unknownOrder(UUID payment) {
		return new PaymentRefused("payment_callback_unknown_order", Kind.UNPROCESSABLE,
				"callback for unknown payment " + payment);
	}

	public static PaymentRefused amountMismatch(UUID payment) {
		return new PaymentRefused("payment_callback_amount_mismatch", Kind.UNPROCESSABLE,
				"callback amount differs from payment " + payment);
	}

	public static PaymentRefused paidByOtherTransaction(UUID payment) {
		return new PaymentRefused("payment_callback_conflict", Kind.CONFLICT,
				"payment " + payment + " was already paid by another transaction");
	}

	/**
	 * The taxes of an item cannot be assessed: the registries do not confirm the facts
	 * now (the home sold, its area, the families' homes) or the form lacks the price.
	 */
	public static PaymentRefused assessmentUnconfirmed(String itemCode) {
		return new PaymentRefused("tax_assessment_unconfirmed", Kind.CONFLICT,
				"the taxes of " + itemCode + " cannot be assessed on the registries' data now");
	}

	/** The order still waits for the taxes the tax office assesses: not payable yet. */
	public static PaymentRefused awaitingAssessment(ApplicationId application) {
		return new PaymentRefused("payment_awaiting_assessment", Kind.CONFLICT,
				"application " + application.value() + " awaits its tax assessment");
	}

	/** No payment provider is configured: paying online is not offered. */
	public static PaymentRefused onlinePaymentNotOffered(ApplicationId application) {
		return new PaymentRefused("payment_online_not_offered", Kind.CONFLICT,
				"no payment provider is configured to pay application " + application.value() + " online");
	}

	/**
	 * The matter ended without a result (lapsed, withdrawn, rejected): nothing to pay.
	 */
	public static PaymentRefused matterEnded(ApplicationId application) {
		return new PaymentRefused("payment_matter_ended", Kind.CONFLICT,
				"application " + application.value() + " ended without a result");
	}

	/** The task's item assesses no tax. */
	public static PaymentRefused nothingToAssess(TaskId task) {
		return new PaymentRefused("tax_assessment_not_found", Kind.NOT_FOUND, "task " + task + " assesses no tax");
	}

	/** A payment at a window is recorded only with the receipt the payer was given. */
	public static PaymentRefused receiptInvalid() {
		return new PaymentRefused("payment_receipt_invalid", Kind.INVALID,
				"a window payment needs the receipt number: 6 to 32 letters, digits or hyphens");
	}

}
