package org.onevisit.signing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.onevisit.shared.VerifyingKey;

/**
 * The public side of OneVisit's keys: every key by name and id, which one signs now and
 * which only verify (rotated out, kept so that what they signed keeps verifying), and
 * rotation.
 */
public interface SigningKeys {

	/**
	 * The key under that name with that id, whether it signs now or only verifies.
	 */
	Optional<VerifyingKey> key(KeyName name, String keyId);

	/** Whether the key under that name with that id signed exactly this content. */
	default boolean verifies(KeyName name, String keyId, byte[] content, byte[] signature) {
		return keyId != null && signature != null
				&& key(name, keyId).map((key) -> key.verifies(content, signature)).orElse(false);
	}

	/** The keys under that name, the one that signs first, then newest first. */
	List<PublishedKey> keys(KeyName name);

	/**
	 * Makes a new key the one that signs under that name; earlier keys keep verifying.
	 */
	PublishedKey rotate(KeyName name);

	/**
	 * A key as published: it signs now, or only verifies since it was retired.
	 */
	record PublishedKey(KeyName name, VerifyingKey key, Instant createdAt, Instant retiredAt) {

		public boolean signs() {
			return this.retiredAt == null;
		}

		public String keyId() {
			return this.key.id();
		}

	}

}
