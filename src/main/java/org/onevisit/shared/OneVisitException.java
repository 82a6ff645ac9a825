package org.onevisit.shared;

import java.util.List;
import java.util.Map;

/**
 * Base of every error OneVisit reports on purpose. The {@link #code()} is stable and
 * machine-readable (it becomes the {@code code} of an RFC 9457 problem); the message key
 * {@code problem.<code>} in the message bundles gives the text a person reads.
 */
public abstract class OneVisitException extends RuntimeException {

	/**
	 * What kind of failure this is, so the web layer can choose a status without knowing
	 * the type.
	 */
	public enum Kind {

		INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, UNAUTHENTICATED, UNPROCESSABLE, UNAVAILABLE, TOO_MANY_REQUESTS,
		/** More bytes than the server keeps (413). */
		TOO_LARGE

	}

	private final String code;

	private final Kind kind;

	private final List<Object> arguments;

	protected OneVisitException(String code, Kind kind, String developerMessage, Object... arguments) {
		super(developerMessage);
		this.code = code;
		this.kind = kind;
		this.arguments = List.of(arguments);
	}

	public String code() {
		return this.code;
	}

	public Kind kind() {
		return this.kind;
	}

	/** Arguments for the localized message {@code problem.<code>}. */
	public Object[] arguments() {
		return this.arguments.toArray();
	}

	public String messageKey() {
		return "problem." + this.code;
	}

	/** Extra members of the problem body, such as the list of every error found. */
	public Map<String, Object> details() {
		return Map.of();
	}

}
