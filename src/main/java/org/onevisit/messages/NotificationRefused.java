package org.onevisit.messages;

import java.util.List;
import java.util.Map;

import org.onevisit.shared.OneVisitException;

/**
 * Notification preferences that cannot be kept, or a delivery not found; nothing was
 * changed.
 */
public final class NotificationRefused extends OneVisitException {

	private final List<String> fields;

	private NotificationRefused(String code, Kind kind, String developerMessage, List<String> fields) {
		super(code, kind, developerMessage);
		this.fields = List.copyOf(fields);
	}

	/** A channel switched on without a valid address, or an address that is not one. */
	public static NotificationRefused invalid(List<String> fields) {
		return new NotificationRefused("notification_preferences_invalid", Kind.INVALID, "missing or invalid " + fields,
				fields);
	}

	public static NotificationRefused deliveryNotFound() {
		return new NotificationRefused("notification_delivery_not_found", Kind.NOT_FOUND, "no such failed delivery",
				List.of());
	}

	/**
	 * A delivery receipt that is not signed by a gateway OneVisit knows, or unreadable.
	 */
	public static NotificationRefused forgedReceipt(String why) {
		return new NotificationRefused("sms_receipt_forged", Kind.FORBIDDEN, why, List.of());
	}

	/** A body too long to be a receipt, refused unread. */
	public static NotificationRefused receiptTooLarge(int limit) {
		return new NotificationRefused("sms_receipt_too_large", Kind.INVALID, "receipt body over " + limit + " bytes",
				List.of());
	}

	/** The fields that are missing or wrong. */
	public List<String> fields() {
		return this.fields;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("fields", this.fields);
	}

}
