package org.onevisit.signing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a key signs. Each name has its own keys, so that a key taken for one use signs
 * nothing else, and each rotates on its own.
 */
public enum KeyName {

	/** Licences (电子证照) the platform issues. */
	LICENCES,

	/** The platform's requests and updates to the registries. */
	EXCHANGE,

	/** Checkpoints of the access ledger's hash chain. */
	LEDGER,

	/** Requests the platform sends to payment providers. */
	PAYMENTS,

	/** Notifications the platform posts to subscribers. */
	WEBHOOKS,

	/** Checkpoints of the public transparency log. */
	LOG;

	/** The name as published and as given in URLs: {@code licences}, {@code exchange}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<KeyName> ofCode(String code) {
		return Arrays.stream(values()).filter((name) -> name.code().equals(code)).findFirst();
	}

}
