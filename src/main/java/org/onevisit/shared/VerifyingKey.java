package org.onevisit.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Function;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * An SM2 public key that checks signatures made by a {@link SigningKey} (GB/T 32918.2,
 * with SM3), with BouncyCastle's {@link SM2Signer}. Its id is the first 16 hex digits of
 * SM3 over the uncompressed point.
 */
public final class VerifyingKey {

	/** GM/T 0009's default signer id, which verifiers assume when none is agreed. */
	static final byte[] USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

	// BouncyCastle's own implementation of this curve's field: GMNamedCurves answers the
	// generic one, several times slower
	static final X9ECParameters CURVE = CustomNamedCurves.getByName("sm2p256v1");

	static final ECNamedDomainParameters DOMAIN = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, CURVE);

	private final ECPublicKeyParameters key;

	private final String id;

	VerifyingKey(ECPublicKeyParameters key) {
		this.key = key;
		this.id = HexFormat.of().formatHex(Sm3.hash(key.getQ().getEncoded(false)), 0, 8);
	}

	/** From the hex of the uncompressed point (04 || x || y). */
	public static VerifyingKey fromHex(String point) {
		try {
			return new VerifyingKey(
					new ECPublicKeyParameters(CURVE.getCurve().decodePoint(HexFormat.of().parseHex(point)), DOMAIN));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not an SM2 public key: " + point, ex);
		}
	}

	static ECPublicKeyParameters publicKeyOf(BigInteger d) {
		// the multiplier BouncyCastle's key generator and signer use, in constant time: d
		// is the private key
		return new ECPublicKeyParameters(new FixedPointCombMultiplier().multiply(CURVE.getG(), d).normalize(), DOMAIN);
	}

	/**
	 * Whether the DER signature is this key's over the content. A malformed or
	 * out-of-range signature is a failed verification, not an error.
	 */
	public boolean verifies(byte[] content, byte[] signature) {
		// a signer holds the message being hashed: one per check, which costs one SM3 of
		// the key's Z besides the check itself
		SM2Signer verifier = new SM2Signer();
		verifier.init(false, new ParametersWithID(this.key, USER_ID));
		verifier.update(content, 0, content.length);
		return verifier.verifySignature(signature);
	}

	/**
	 * Whether the Base64 of a DER signature is this key's over the content, as a
	 * signature travels in a header or a JSON member; text that is not Base64, or none,
	 * is a failed verification too.
	 */
	public boolean verifies(byte[] content, String base64Signature) {
		return whyNot(content, base64Signature) == null;
	}

	/**
	 * Checks an outside party's Base64 signature over what it sent; if it is not this
	 * key's, throws the refusal made from the reason, for its developer message: the
	 * signature is not Base64, or it does not verify.
	 */
	public void verify(byte[] content, String base64Signature, Function<String, ? extends OneVisitException> refusal) {
		String why = whyNot(content, base64Signature);
		if (why != null) {
			throw refusal.apply(why);
		}
	}

	private String whyNot(byte[] content, String base64Signature) {
		byte[] signature;
		try {
			signature = Base64.getDecoder().decode((base64Signature != null) ? base64Signature : "");
		}
		catch (IllegalArgumentException ex) {
			return "signature is not Base64";
		}
		return (signature.length > 0 && verifies(content, signature)) ? null : "signature does not verify";
	}

	public String id() {
		return this.id;
	}

	/**
	 * The DER SubjectPublicKeyInfo, naming the curve, as published for other verifiers.
	 */
	public byte[] subjectPublicKeyInfo() {
		try {
			return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(this.key).getEncoded();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The uncompressed point in hex, as published. */
	public String hex() {
		return HexFormat.of().formatHex(this.key.getQ().getEncoded(false));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof VerifyingKey that && this.id.equals(that.id);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return "VerifyingKey[" + this.id + "]";
	}

}
