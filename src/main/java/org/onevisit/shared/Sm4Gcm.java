package org.onevisit.shared;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 in GCM mode (GB/T 32907, the SM4-GCM of RFC 8998) through BouncyCastle: a sealed
 * value is a fresh 12-byte nonce followed by the ciphertext and its 16-byte tag. The
 * associated data binds a value to where it belongs (a column, a file, a key's purpose),
 * so a sealed value moved elsewhere does not open.
 * <p>
 * GHASH multiplies in constant time ({@link BasicGCMMultiplier}) rather than through
 * BouncyCastle's default 4 KB table: each seal and open builds its cipher and so the
 * table anew, which for values of a few hundred bytes (names, ID numbers, events, keys)
 * costs more than the table saves, and the table's lookups are indexed by secret-derived
 * data. The output is the same.
 */
public final class Sm4Gcm {

	/** SM4 keys are 128 bits. */
	public static final int KEY_BYTES = 16;

	/** A sealed value begins with its 12-byte nonce. */
	public static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Sm4Gcm() {
	}

	/** A new random SM4 key. */
	public static byte[] newKey() {
		byte[] key = new byte[KEY_BYTES];
		RANDOM.nextBytes(key);
		return key;
	}

	/** Encrypts and authenticates the plain bytes, bound to the associated data. */
	public static byte[] seal(byte[] key, byte[] plain, byte[] associatedData) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		return sealWithNonce(key, nonce, plain, associatedData);
	}

	/**
	 * The same with a nonce the caller derives (a synthetic one, a keyed hash of the
	 * plain bytes, so that the same text seals the same): GCM breaks if one nonce ever
	 * seals two different texts under one key. {@link #open} opens it.
	 */
	public static byte[] sealWithNonce(byte[] key, byte[] nonce, byte[] plain, byte[] associatedData) {
		if (nonce.length != NONCE_BYTES) {
			throw new IllegalArgumentException("an SM4-GCM nonce here is " + NONCE_BYTES + " bytes");
		}
		GCMModeCipher cipher = cipher(true, key, nonce, associatedData);
		byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plain.length)];
		System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
		int written = cipher.processBytes(plain, 0, plain.length, out, NONCE_BYTES);
		try {
			cipher.doFinal(out, NONCE_BYTES + written);
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalStateException("SM4-GCM encryption failed", ex);
		}
		return out;
	}

	/**
	 * The plain bytes of a sealed value.
	 * @throws SealBroken when the value was altered, or sealed under another key or other
	 * associated data
	 */
	public static byte[] open(byte[] key, byte[] sealed, byte[] associatedData) {
		if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new SealBroken();
		}
		GCMModeCipher cipher = cipher(false, key, Arrays.copyOf(sealed, NONCE_BYTES), associatedData);
		byte[] out = new byte[cipher.getOutputSize(sealed.length - NONCE_BYTES)];
		int written = cipher.processBytes(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES, out, 0);
		try {
			cipher.doFinal(out, written);
		}
		catch (InvalidCipherTextException ex) {
			throw new SealBroken();
		}
		return out;
	}

	private static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData) {
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException("an SM4 key has " + KEY_BYTES + " bytes");
		}
		GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine(), new BasicGCMMultiplier());
		cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, associatedData));
		return cipher;
	}

	/** A sealed value that does not open: altered, or under another key or context. */
	public static final class SealBroken extends SecurityException {

		private static final long serialVersionUID = 1L;

		SealBroken() {
			super("the sealed value does not open: altered, or sealed under another key or context");
		}

	}

}
