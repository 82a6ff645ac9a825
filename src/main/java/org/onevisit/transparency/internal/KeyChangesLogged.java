package org.onevisit.transparency.internal;

import org.onevisit.signing.KeyRotated;
import org.onevisit.signing.SigningKeys;
import org.onevisit.transparency.LogEntry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Enters every signing-key change in the log, so that nobody can sign with a key the
 * public never saw introduced.
 */
@Component
class KeyChangesLogged {

	private final LogService log;

	private final SigningKeys keys;

	KeyChangesLogged(LogService log, SigningKeys keys) {
		this.log = log;
		this.keys = keys;
	}

	@EventListener
	void on(KeyRotated rotated) {
		String publicKey = this.keys.key(rotated.name(), rotated.keyId()).map((key) -> key.hex()).orElse("");
		this.log.record(LogEntry.signingKeyChanged(rotated.name().code(), rotated.keyId(), publicKey, rotated.at()));
	}

}
