package org.onevisit.exchange;

import org.onevisit.shared.OneVisitException;

/**
 * A request a registry's gate refuses, with the HTTP status it answers: a bad signature,
 * a replay, a timestamp outside the window, or a query outside the access rules.
 */
public final class ExchangeRefused extends OneVisitException {

	private final int status;

	private ExchangeRefused(String code, Kind kind, int status, String message) {
		super(code, kind, message);
		this.status = status;
	}

	public static ExchangeRefused malformed(String why) {
		return new ExchangeRefused("exchange_malformed", Kind.INVALID, 400, why);
	}

	public static ExchangeRefused badSignature() {
		return new ExchangeRefused("exchange_bad_signature", Kind.UNAUTHENTICATED, 401,
				"the request's signature does not verify with the platform's key");
	}

	public static ExchangeRefused replayed(String requestId) {
		return new ExchangeRefused("exchange_replayed", Kind.CONFLICT, 409,
				"request " + requestId + " was seen before");
	}

	public static ExchangeRefused outsideWindow(String timestamp) {
		return new ExchangeRefused("exchange_expired", Kind.INVALID, 400,
				"the request's timestamp " + timestamp + " is outside the accepted window");
	}

	public static ExchangeRefused forbidden(RegistryRequest.Query query) {
		return new ExchangeRefused("exchange_forbidden", Kind.FORBIDDEN, 403,
				query.consumer() + " may not read " + query.element() + " for item " + query.item());
	}

	public static ExchangeRefused mayNotWrite(RegistryUpdate update) {
		return new ExchangeRefused("exchange_forbidden", Kind.FORBIDDEN, 403,
				update.consumer() + " may not write " + update.change() + " for item " + update.item());
	}

	/**
	 * The registry cannot apply the change to what it holds (the seller no longer owns
	 * the flat): sending it again would not help.
	 */
	public static ExchangeRefused updateRefused(String why) {
		return new ExchangeRefused("update_refused", Kind.CONFLICT, 409, why);
	}

	public int status() {
		return this.status;
	}

}
