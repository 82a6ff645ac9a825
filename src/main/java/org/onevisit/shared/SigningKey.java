package org.onevisit.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * An SM2 private key that signs with SM3 (GM/T 0003, default signer id), and its
 * {@link VerifyingKey}. Stored as the hex private scalar in a file only its owner can
 * read, generated at first use: keys live in the data directory, never in the repository.
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

	/** The key in the file, or a new one written there when the file does not exist. */
	public static SigningKey loadOrCreate(Path file) {
		if (Files.exists(file)) {
			return load(file);
		}
		SigningKey created = generate();
		created.store(file);
		return created;
	}

	/** The key stored in the file. */
	public static SigningKey load(Path file) {
		try {
			BigInteger d = new BigInteger(Files.readString(file).strip(), 16);
			return new SigningKey(new ECPrivateKeyParameters(d, VerifyingKey.DOMAIN));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the signing key " + file, ex);
		}
	}

	/** Writes the key to a new file that only its owner can read. */
	public void store(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, this.key.getD().toString(16) + "\n");
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the data directory's own protection applies
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot store the signing key in " + file, ex);
		}
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
