package org.onevisit.licences.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.onevisit.licences.LicenceWallet.PublishedKey;
import org.onevisit.shared.SigningKey;
import org.onevisit.shared.VerifyingKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's licence signing keys: SM2 key pairs generated at first start into the
 * data directory (never in the repository), one file per key named by its id, the newest
 * signing. Older keys stay so that licences they signed keep verifying after a rotation.
 * Each published key is one {@link VerifyingKey}.
 */
@Component
class PlatformKeys {

	private final Path directory;

	private final Map<String, VerifyingKey> publicKeys = new LinkedHashMap<>();

	private long lastStamp;

	private volatile SigningKey current;

	PlatformKeys(@Value("${onevisit.data-dir:./data}") Path dataDirectory) {
		this.directory = dataDirectory.resolve("keys").resolve("licences");
		load();
		if (this.current == null) {
			rotate();
		}
	}

	/** Signs with the current key: the key id and the DER-encoded signature. */
	Signed sign(byte[] content) {
		SigningKey key = this.current;
		return new Signed(key.id(), key.sign(content));
	}

	record Signed(String keyId, byte[] signature) {
	}

	Optional<VerifyingKey> publicKey(String keyId) {
		synchronized (this.publicKeys) {
			return Optional.ofNullable(this.publicKeys.get(keyId));
		}
	}

	String currentKeyId() {
		return this.current.id();
	}

	List<PublishedKey> published() {
		List<PublishedKey> keys = new ArrayList<>();
		synchronized (this.publicKeys) {
			this.publicKeys.values().forEach((key) -> keys.add(0, publish(key)));
		}
		return keys;
	}

	/** Makes a new key pair the signing one; earlier keys stay published. */
	synchronized String rotate() {
		SigningKey key = SigningKey.generate();
		// names sort in creation order, even for two keys made in the same millisecond
		this.lastStamp = Math.max(System.currentTimeMillis(), this.lastStamp + 1);
		key.store(this.directory.resolve(String.format("%015d-%s.key", this.lastStamp, key.id())));
		use(key);
		return key.id();
	}

	private void load() {
		if (!Files.isDirectory(this.directory)) {
			return;
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			// names start with the creation time: sorted, the last one signs
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".key"))
				.sorted(Comparator.comparingLong(PlatformKeys::stampOf))
				.toList()) {
				this.lastStamp = Math.max(this.lastStamp, stampOf(file));
				use(SigningKey.load(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the licence signing keys in " + this.directory, ex);
		}
	}

	private void use(SigningKey key) {
		synchronized (this.publicKeys) {
			this.publicKeys.put(key.id(), key.verifyingKey());
		}
		this.current = key;
	}

	private static long stampOf(Path keyFile) {
		String name = keyFile.getFileName().toString();
		return Long.parseLong(name.substring(0, name.indexOf('-')));
	}

	private static PublishedKey publish(VerifyingKey key) {
		return new PublishedKey(key.id(), "SM2-SM3", "sm2p256v1", key.hex(),
				Base64.getEncoder().encodeToString(key.subjectPublicKeyInfo()));
	}

}
