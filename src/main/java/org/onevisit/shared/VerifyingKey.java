package org.onevisit.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An SM2 public key that checks signatures made by a {@link SigningKey} (GB/T 32918.2,
 * with SM3). Its id is the first 16 hex digits of SM3 over the uncompressed point. One
 * instance per key should be kept: its first check builds a table of multiples of the
 * key's point, with which a check costs about half of BouncyCastle's (each pre-fill of a
 * form checks twelve signatures, and the registries check as many).
 */
public final class VerifyingKey {

	/** GM/T 0009's default signer id, which verifiers assume when none is agreed. */
	static final byte[] USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

	// BouncyCastle's own implementation of this curve's field: GMNamedCurves answers the
	// generic one, several times slower
	static final X9ECParameters CURVE = CustomNamedCurves.getByName("sm2p256v1");

	static final ECNamedDomainParameters DOMAIN = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, CURVE);

	private static final BigInteger N = CURVE.getN();

	/** The base point's multiples, for every key. */
	private static final PointTable BASE = PointTable.of(CURVE.getG());

	private final ECPublicKeyParameters key;

	private final String id;

	/**
	 * Z, the hash of the signer's id, the curve and this key, that every message is
	 * hashed after.
	 */
	private final byte[] z;

	// built at the first check; two threads racing build it twice, harmlessly
	private volatile PointTable multiples;

	VerifyingKey(ECPublicKeyParameters key) {
		this.key = key;
		this.id = HexFormat.of().formatHex(Sm3.hash(key.getQ().getEncoded(false)), 0, 8);
		ECPoint q = key.getQ().normalize();
		byte[] idLength = { (byte) (USER_ID.length * 8 >> 8), (byte) (USER_ID.length * 8) };
		this.z = Sm3.hash(idLength, USER_ID, CURVE.getCurve().getA().getEncoded(), CURVE.getCurve().getB().getEncoded(),
				CURVE.getG().getAffineXCoord().getEncoded(), CURVE.getG().getAffineYCoord().getEncoded(),
				q.getAffineXCoord().getEncoded(), q.getAffineYCoord().getEncoded());
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
		// in constant time: d is the private key
		return new ECPublicKeyParameters(BaseMultiples.G.multiply(CURVE.getG(), d).normalize(), DOMAIN);
	}

	/**
	 * Whether the DER signature is this key's over the content: GB/T 32918.2's check, s·G
	 * + t·Q from the tables, since every input is public.
	 */
	public boolean verifies(byte[] content, byte[] signature) {
		BigInteger[] rs;
		try {
			rs = StandardDSAEncoding.INSTANCE.decode(N, signature);
		}
		catch (IOException | RuntimeException ex) {
			// a malformed DER signature is a failed verification, not an error
			return false;
		}
		BigInteger r = rs[0];
		BigInteger s = rs[1];
		if (!inRange(r) || !inRange(s)) {
			return false;
		}
		BigInteger t = r.add(s).mod(N);
		if (t.signum() == 0) {
			return false;
		}
		Jacobian sum = new Jacobian();
		BASE.addMultiple(sum, s);
		multiples().addMultiple(sum, t);
		if (sum.isInfinity()) {
			return false;
		}
		BigInteger e = new BigInteger(1, Sm3.hash(this.z, content));
		return e.add(sum.affineX()).mod(N).equals(r);
	}

	private static boolean inRange(BigInteger value) {
		return value.signum() > 0 && value.compareTo(N) < 0;
	}

	private PointTable multiples() {
		PointTable table = this.multiples;
		if (table == null) {
			table = PointTable.of(this.key.getQ());
			this.multiples = table;
		}
		return table;
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
