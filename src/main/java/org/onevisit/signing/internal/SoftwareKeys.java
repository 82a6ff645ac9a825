package org.onevisit.signing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.onevisit.shared.SigningKey;
import org.onevisit.shared.Sm4Gcm;
import org.onevisit.shared.VerifyingKey;
import org.onevisit.signing.KeyEncryptionKey;
import org.onevisit.signing.KeyName;
import org.onevisit.signing.Signer;
import org.onevisit.signing.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The software implementation of the signing port (ADR 12): SM2 keys on BouncyCastle's
 * {@code SM2Signer}, made on first use under each name, stored in PostgreSQL wrapped
 * under the key-encryption key, opened in memory only. Every instance re-reads which key
 * signs at most {@code onevisit.keys.refresh} after another rotated it; until then both
 * keys verify anyway.
 */
@Component
@ConditionalOnProperty(name = "onevisit.keys.provider", havingValue = "software", matchIfMissing = true)
class SoftwareKeys implements Signer, SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SoftwareKeys.class);

	private final StoredKeys store;

	private final KeyEncryptionKey kek;

	private final Clock clock;

	private final Duration refresh;

	private final Map<KeyName, Current> current = new ConcurrentHashMap<>();

	// opened keys by name and id: opening and initialising a signer costs a point
	// multiplication, once per key
	private final Map<String, SigningKey> opened = new ConcurrentHashMap<>();

	private final Map<String, VerifyingKey> verifying = new ConcurrentHashMap<>();

	SoftwareKeys(StoredKeys store, KeyEncryptionKey kek, LegacyKeyFiles legacy, Clock clock,
			@Value("${onevisit.keys.refresh:PT30S}") Duration refresh) {
		this.store = store;
		this.kek = kek;
		this.clock = clock;
		this.refresh = refresh;
		legacy.importAndDelete();
		// a key-encryption key that is not the one the keys were stored under fails the
		// start, not the first signature; and every name has its key from the start,
		// made here outside any transaction: made at the first signature, inside the
		// signer's transaction, concurrent first signatures each waited on another's
		// uncommitted key while holding a pooled connection, until the pool ran dry
		Instant now = clock.instant();
		for (KeyName name : KeyName.values()) {
			store.signing(name).map(this::open).orElseGet(() -> first(name, now));
		}
	}

	@Override
	public Signed sign(KeyName name, byte[] content) {
		return sign(name, (keyId) -> content);
	}

	@Override
	public Signed sign(KeyName name, Function<String, byte[]> contentNamingItsKey) {
		SigningKey key = signingKey(name);
		byte[] content = contentNamingItsKey.apply(key.id());
		return new Signed(key.id(), key.sign(content), content);
	}

	@Override
	public Optional<VerifyingKey> key(KeyName name, String keyId) {
		if (keyId == null) {
			return Optional.empty();
		}
		VerifyingKey known = this.verifying.get(handle(name, keyId));
		if (known != null) {
			return Optional.of(known);
		}
		// rotated on another instance, or unknown
		return this.store.find(name, keyId).map(this::remember);
	}

	@Override
	public List<PublishedKey> keys(KeyName name) {
		signingKey(name);
		return this.store.all(name)
			.stream()
			.map((row) -> new PublishedKey(name, remember(row), row.createdAt(), row.retiredAt()))
			.toList();
	}

	@Override
	public PublishedKey rotate(KeyName name) {
		SigningKey key = SigningKey.generate();
		StoredKeys.Row row = wrap(name, key, this.clock.instant());
		this.store.replace(row);
		this.opened.put(handle(name, key.id()), key);
		this.current.put(name, new Current(key, row.createdAt().plus(this.refresh)));
		log.info("Rotated the {} signing key: {} signs from now on, the earlier ones only verify", name.code(),
				key.id());
		return new PublishedKey(name, remember(row), row.createdAt(), null);
	}

	private SigningKey signingKey(KeyName name) {
		Current now = this.current.get(name);
		Instant at = this.clock.instant();
		if (now != null && at.isBefore(now.until())) {
			return now.key();
		}
		SigningKey key = this.store.signing(name).map(this::open).orElseGet(() -> first(name, at));
		this.current.put(name, new Current(key, at.plus(this.refresh)));
		return key;
	}

	/** Makes the first key under a name, or opens the one another instance made first. */
	private SigningKey first(KeyName name, Instant at) {
		SigningKey key = SigningKey.generate();
		StoredKeys.Row row = wrap(name, key, at);
		if (this.store.addFirst(row)) {
			this.opened.put(handle(name, key.id()), key);
			remember(row);
			return key;
		}
		return this.store.signing(name).map(this::open).orElseThrow();
	}

	private StoredKeys.Row wrap(KeyName name, SigningKey key, Instant at) {
		return new StoredKeys.Row(name, key.id(), key.verifyingKey().hex(),
				this.kek.wrap(key.privateScalar(), purpose(name, key.id())), at, null);
	}

	private SigningKey open(StoredKeys.Row row) {
		return this.opened.computeIfAbsent(handle(row.name(), row.keyId()), (handle) -> {
			byte[] scalar;
			try {
				scalar = this.kek.unwrap(row.wrappedPrivateKey(), purpose(row.name(), row.keyId()));
			}
			catch (Sm4Gcm.SealBroken ex) {
				throw new KeyDoesNotOpen(row.name(), row.keyId(), ex);
			}
			SigningKey key = SigningKey.ofPrivate(scalar);
			if (!key.id().equals(row.keyId())) {
				throw new KeyDoesNotOpen(row.name(), row.keyId(), null);
			}
			remember(row);
			return key;
		});
	}

	private VerifyingKey remember(StoredKeys.Row row) {
		return this.verifying.computeIfAbsent(handle(row.name(), row.keyId()),
				(handle) -> VerifyingKey.fromHex(row.publicKey()));
	}

	/** What a wrapped key is bound to: it opens only as this key of this name. */
	static String purpose(KeyName name, String keyId) {
		return "signing/" + name.code() + "/" + keyId;
	}

	private static String handle(KeyName name, String keyId) {
		return name.code() + "/" + keyId;
	}

	private record Current(SigningKey key, Instant until) {
	}

	/**
	 * A stored key that does not open under the key-encryption key given: the data (or a
	 * copy of it) was stored under another one.
	 */
	static final class KeyDoesNotOpen extends IllegalStateException {

		KeyDoesNotOpen(KeyName name, String keyId, Throwable cause) {
			super("The signing key " + name.code() + "/" + keyId
					+ " does not open under the key-encryption key given (ONEVISIT_KEK or the file onevisit.keys.kek-file):"
					+ " it is not the key-encryption key these keys were stored under", cause);
		}

	}

}
