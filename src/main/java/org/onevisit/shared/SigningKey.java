package org.onevisit.shared;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.util.BigIntegers;

/**
 * An SM2 private key that signs with SM3 (GM/T 0003, default signer id), and its
 * {@link VerifyingKey}. It is kept nowhere by itself: the signing module stores it
 * wrapped under the key-encryption key, and other parties' simulated keys live only in
 * memory.
 */
public final class SigningKey {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ECPrivateKeyParameters key;

	private final VerifyingKey verifyingKey;

	// BouncyCastle's SM2Signer derives the public point from the private key in init(), a
	// full point multiplication: one initialised signer per thread halves the cost of a
	// signature (it resets itself to the key's Z value after each signature)
	private final ThreadLocal<SM2Signer> signers;

	private SigningKey(ECPrivateKeyParameters key) {
		this.key = key;
		this.verifyingKey = new VerifyingKey(VerifyingKey.publicKeyOf(key.getD()));
		this.signers = ThreadLocal.withInitial(() -> {
			SM2Signer signer = new SM2Signer();
			signer.init(true, new ParametersWithID(new ParametersWithRandom(this.key, RANDOM), VerifyingKey.USER_ID));
			return signer;
		});
	}

	public static SigningKey generate() {
		ECKeyPairGenerator generator = new ECKeyPairGenerator();
		generator.init(new ECKeyGenerationParameters(VerifyingKey.DOMAIN, RANDOM));
		AsymmetricCipherKeyPair pair = generator.generateKeyPair();
		return new SigningKey((ECPrivateKeyParameters) pair.getPrivate());
	}

	/**
	 * The key with this private scalar (32 bytes, big-endian), as a key store gives it
	 * back after unwrapping it.
	 */
	public static SigningKey ofPrivate(byte[] scalar) {
		BigInteger d = new BigInteger(1, scalar);
		if (d.signum() <= 0 || d.compareTo(VerifyingKey.CURVE.getN()) >= 0) {
			throw new IllegalArgumentException("not an SM2 private key");
		}
		return new SigningKey(new ECPrivateKeyParameters(d, VerifyingKey.DOMAIN));
	}

	/**
	 * The private scalar (32 bytes, big-endian), only for a key store to wrap it under
	 * the key-encryption key: it is never written anywhere in clear.
	 */
	public byte[] privateScalar() {
		return BigIntegers.asUnsignedByteArray(32, this.key.getD());
	}

	/** The DER-encoded SM2 signature over SM3 of the content. */
	public byte[] sign(byte[] content) {
		SM2Signer signer = this.signers.get();
		signer.update(content, 0, content.length);
		try {
			return signer.generateSignature();
		}
		catch (CryptoException | RuntimeException ex) {
			// a signer left midway is not reused
			this.signers.remove();
			throw new IllegalStateException("SM2 signing failed", ex);
		}
	}

	public VerifyingKey verifyingKey() {
		return this.verifyingKey;
	}

	public String id() {
		return this.verifyingKey.id();
	}

	@Override
	public String toString() {
		return "SigningKey[" + id() + "]";
	}

}
