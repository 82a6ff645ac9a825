package org.onevisit.licences.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.onevisit.licences.LicenceWallet.PublishedKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's licence signing keys: SM2 key pairs generated at first start into the
 * data directory (never in the repository), one file per key named by its id, the newest
 * signing. Older keys stay so that licences they signed keep verifying after a rotation.
 */
@Component
class PlatformKeys {

	/** GM/T 0009's default signer id, which verifiers assume when none is agreed. */
	static final byte[] USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

	// BouncyCastle's own implementation of this curve's field: GMNamedCurves answers the
	// generic one, about eight times slower to sign and verify with
	static final X9ECParameters CURVE = CustomNamedCurves.getByName("sm2p256v1");

	static final ECNamedDomainParameters DOMAIN = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, CURVE);

	private final Path directory;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, ECPublicKeyParameters> publicKeys = new LinkedHashMap<>();

	private volatile String currentId;

	private long lastStamp;

	private volatile ECPrivateKeyParameters current;

	PlatformKeys(@Value("${onevisit.data-dir:./data}") Path dataDirectory) {
		this.directory = dataDirectory.resolve("keys").resolve("licences");
		load();
		if (this.current == null) {
			rotate();
		}
	}

	/** Signs with the current key: the key id and the DER-encoded signature. */
	Signed sign(byte[] content) {
		SM2Signer signer = new SM2Signer();
		signer.init(true, new ParametersWithID(new ParametersWithRandom(this.current, this.random), USER_ID));
		signer.update(content, 0, content.length);
		try {
			return new Signed(this.currentId, signer.generateSignature());
		}
		catch (CryptoException ex) {
			throw new IllegalStateException("SM2 signing failed", ex);
		}
	}

	record Signed(String keyId, byte[] signature) {
	}

	Optional<ECPublicKeyParameters> publicKey(String keyId) {
		synchronized (this.publicKeys) {
			return Optional.ofNullable(this.publicKeys.get(keyId));
		}
	}

	static boolean verify(ECPublicKeyParameters key, byte[] content, byte[] signature) {
		SM2Signer verifier = new SM2Signer();
		verifier.init(false, new ParametersWithID(key, USER_ID));
		verifier.update(content, 0, content.length);
		return verifier.verifySignature(signature);
	}

	String currentKeyId() {
		return this.currentId;
	}

	List<PublishedKey> published() {
		List<PublishedKey> keys = new ArrayList<>();
		synchronized (this.publicKeys) {
			this.publicKeys.forEach((id, key) -> keys.add(0, publish(id, key)));
		}
		return keys;
	}

	/** Makes a new key pair the signing one; earlier keys stay published. */
	synchronized String rotate() {
		ECKeyPairGenerator generator = new ECKeyPairGenerator();
		generator.init(new ECKeyGenerationParameters(DOMAIN, this.random));
		AsymmetricCipherKeyPair pair = generator.generateKeyPair();
		ECPrivateKeyParameters privateKey = (ECPrivateKeyParameters) pair.getPrivate();
		ECPublicKeyParameters publicKey = (ECPublicKeyParameters) pair.getPublic();
		String id = keyId(publicKey.getQ());
		try {
			Files.createDirectories(this.directory);
			// names sort in creation order, even for two keys made in the same
			// millisecond
			this.lastStamp = Math.max(System.currentTimeMillis(), this.lastStamp + 1);
			Path file = this.directory.resolve(String.format("%015d-%s.key", this.lastStamp, id));
			Files.writeString(file, privateKey.getD().toString(16) + "\n");
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system; the data directory's own protection applies
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot store the licence signing key in " + this.directory, ex);
		}
		use(id, privateKey, publicKey);
		return id;
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
				BigInteger d = new BigInteger(Files.readString(file).strip(), 16);
				ECPrivateKeyParameters privateKey = new ECPrivateKeyParameters(d, DOMAIN);
				ECPublicKeyParameters publicKey = new ECPublicKeyParameters(CURVE.getG().multiply(d).normalize(),
						DOMAIN);
				use(keyId(publicKey.getQ()), privateKey, publicKey);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the licence signing keys in " + this.directory, ex);
		}
	}

	private void use(String id, ECPrivateKeyParameters privateKey, ECPublicKeyParameters publicKey) {
		synchronized (this.publicKeys) {
			this.publicKeys.put(id, publicKey);
		}
		this.current = privateKey;
		this.currentId = id;
	}

	private static long stampOf(Path keyFile) {
		String name = keyFile.getFileName().toString();
		return Long.parseLong(name.substring(0, name.indexOf('-')));
	}

	/** The first 16 hex digits of SM3 over the uncompressed point. */
	static String keyId(ECPoint point) {
		byte[] encoded = point.getEncoded(false);
		SM3Digest digest = new SM3Digest();
		digest.update(encoded, 0, encoded.length);
		byte[] hash = new byte[32];
		digest.doFinal(hash, 0);
		return HexFormat.of().formatHex(hash, 0, 8);
	}

	private static PublishedKey publish(String id, ECPublicKeyParameters key) {
		try {
			byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded();
			return new PublishedKey(id, "SM2-SM3", "sm2p256v1", HexFormat.of().formatHex(key.getQ().getEncoded(false)),
					Base64.getEncoder().encodeToString(spki));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
