package org.onevisit.platform;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.springframework.security.core.AuthenticationException;

/**
 * What every login passes before its password is checked, and learns the outcome of: the
 * identity module throttles password guessing through it.
 */
public interface LoginGuard {

	/**
	 * Throws {@link Refused} while logins for the username at the address, or from the
	 * address, are held back.
	 */
	void checkAllowed(String username, String address);

	void failed(String username, String address);

	/** A successful login clears the failures of that account at that address. */
	void succeeded(String username, String address);

	/**
	 * A secret besides the password (a one-time code) checked under the same throttle:
	 * {@link Refused} while held back; a wrong one counts as a failed login, a right one
	 * as a successful one.
	 * @return whether the secret was right
	 */
	default boolean passes(String username, String address, BooleanSupplier secretIsRight) {
		checkAllowed(username, address);
		if (!secretIsRight.getAsBoolean()) {
			failed(username, address);
			return false;
		}
		succeeded(username, address);
		return true;
	}

	/** A login refused because of earlier failures, whatever the password. */
	final class Refused extends AuthenticationException {

		private final Duration retryAfter;

		public Refused(Duration retryAfter) {
			super("too many failed logins; try again later");
			this.retryAfter = retryAfter;
		}

		public Duration retryAfter() {
			return this.retryAfter;
		}

	}

}
