package org.onevisit.exchange.internal;

/**
 * A registry exchange that did not deliver: the registry could not be reached in time
 * (worth retrying), refused the request, or answered with something that does not verify.
 */
class ExchangeFailure extends RuntimeException {

	enum Kind {

		UNAVAILABLE, REFUSED, REJECTED

	}

	private final Kind kind;

	private final String code;

	ExchangeFailure(Kind kind, String code, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.code = code;
	}

	Kind kind() {
		return this.kind;
	}

	/** The ledger's outcome: the kind, and the registry's code when it refused. */
	String outcome() {
		return (this.code != null) ? this.kind + ":" + this.code : this.kind.name();
	}

}
