package org.onevisit.delivery;

import java.util.List;
import java.util.Map;

import org.onevisit.shared.OneVisitException;

/** A delivery choice or hand-off that cannot be recorded; nothing was changed. */
public final class DeliveryRefused extends OneVisitException {

	private final List<String> fields;

	private DeliveryRefused(String code, Kind kind, String developerMessage, List<String> fields, Object... arguments) {
		super(code, kind, developerMessage, arguments);
		this.fields = List.copyOf(fields);
	}

	public static DeliveryRefused incomplete(List<String> fields) {
		return new DeliveryRefused("delivery_incomplete", Kind.INVALID, "missing or invalid " + fields, fields);
	}

	public static DeliveryRefused alreadyHandedOver() {
		return new DeliveryRefused("delivery_already_handed_over", Kind.CONFLICT, "already handed over", List.of());
	}

	public static DeliveryRefused notReady() {
		return new DeliveryRefused("delivery_not_ready", Kind.CONFLICT, "nothing to hand over yet", List.of());
	}

	/**
	 * Every licence the matter yielded was revoked, superseded or has expired: nothing
	 * valid is left to pick up or send.
	 */
	public static DeliveryRefused noValidResult() {
		return new DeliveryRefused("delivery_no_valid_result", Kind.CONFLICT,
				"every licence of the matter was revoked, superseded or has expired", List.of());
	}

	/**
	 * The matter was accepted at a hall's window, and its result goes out through that
	 * hall (统一出件) or by courier: the hall is named.
	 */
	public static DeliveryRefused pickUpAtAcceptingHall(String hallName) {
		return new DeliveryRefused("delivery_at_accepting_hall", Kind.UNPROCESSABLE,
				"the result goes out through the accepting hall " + hallName, List.of("hallCode"), hallName);
	}

	public static DeliveryRefused notFound() {
		return new DeliveryRefused("delivery_not_found", Kind.NOT_FOUND, "no delivery for this actor", List.of());
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
