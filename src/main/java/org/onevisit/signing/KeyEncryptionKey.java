package org.onevisit.signing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.onevisit.shared.Sm4Gcm;

/**
 * The key-encryption key (KEK): every key OneVisit keeps at rest (signing keys, the data
 * keys of personal data) is stored wrapped under it with SM4-GCM. It comes from the
 * environment or a file outside the data directory, so that a copy of the data directory
 * alone opens and signs nothing.
 */
public final class KeyEncryptionKey {

	private final byte[] key;

	private KeyEncryptionKey(byte[] key) {
		if (key.length != Sm4Gcm.KEY_BYTES) {
			throw new IllegalArgumentException("a key-encryption key has " + Sm4Gcm.KEY_BYTES + " bytes");
		}
		this.key = key.clone();
	}

	/** The key given as 32 hexadecimal digits. */
	public static KeyEncryptionKey ofHex(String hex) {
		return new KeyEncryptionKey(HexFormat.of().parseHex(hex.strip()));
	}

	/** A new random key. */
	public static KeyEncryptionKey generate() {
		return new KeyEncryptionKey(Sm4Gcm.newKey());
	}

	/**
	 * The key as 32 hexadecimal digits, to store it where it belongs (never the data
	 * directory).
	 */
	public String toHex() {
		return HexFormat.of().formatHex(this.key);
	}

	/**
	 * Wraps a key for storage; the purpose (e.g. {@code signing/licences}) binds it to
	 * its use.
	 */
	public byte[] wrap(byte[] plainKey, String purpose) {
		return Sm4Gcm.seal(this.key, plainKey, purpose.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The key a {@link #wrap} stored for that purpose.
	 * @throws Sm4Gcm.SealBroken under another key-encryption key or another purpose
	 */
	public byte[] unwrap(byte[] wrappedKey, String purpose) {
		return Sm4Gcm.open(this.key, wrappedKey, purpose.getBytes(StandardCharsets.UTF_8));
	}

}
