package org.onevisit.shared;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key's check of a signature answers exactly as BouncyCastle's SM2 verifier set up by
 * hand from the published point, for genuine signatures and for every kind of forgery
 * tried here.
 */
class VerifyingKeyTests {

	private static final BigInteger N = VerifyingKey.CURVE.getN();

	private final Random random = new Random(20261122);

	@Test
	void acceptsWhatBouncyCastleAcceptsAndRefusesWhatItRefuses() throws IOException {
		for (int k = 0; k < 8; k++) {
			SigningKey signer = SigningKey.generate();
			VerifyingKey key = VerifyingKey.fromHex(signer.verifyingKey().hex());
			for (int m = 0; m < 25; m++) {
				byte[] content = new byte[1 + this.random.nextInt(700)];
				this.random.nextBytes(content);
				byte[] signature = signer.sign(content);
				BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(N, signature);

				assertAgrees(key, content, signature, true);
				byte[] altered = content.clone();
				altered[this.random.nextInt(altered.length)] ^= (byte) (1 << this.random.nextInt(8));
				assertAgrees(key, altered, signature, false);
				assertAgrees(key, content, der(rs[0].add(BigInteger.ONE), rs[1]), false);
				assertAgrees(key, content, der(rs[0], rs[1].add(BigInteger.ONE).mod(N)), false);
				assertAgrees(key, content, der(rs[0], N.subtract(rs[1])), false);
				assertAgrees(SigningKey.generate().verifyingKey(), content, signature, false);
			}
		}
	}

	@Test
	void refusesSignaturesOutOfRangeOrMalformedWithoutThrowing() {
		VerifyingKey key = SigningKey.generate().verifyingKey();
		byte[] content = "检查点".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		BigInteger one = BigInteger.ONE;
		// r + s = n makes t zero, which the standard refuses before any point arithmetic
		for (BigInteger[] rs : new BigInteger[][] { { BigInteger.ZERO, one }, { one, BigInteger.ZERO }, { N, one },
				{ one, N }, { one, N.subtract(one) } }) {
			assertThat(key.verifies(content, derUnchecked(rs[0], rs[1]))).isFalse();
		}
		assertThat(key.verifies(content, new byte[0])).isFalse();
		assertThat(key.verifies(content, new byte[] { 0x30, 0x01 })).isFalse();
		assertThat(key.verifies(content, HexFormat.of().parseHex("3006020101020101ff"))).isFalse();
	}

	@Test
	void readsASignatureInBase64AndCountsTextThatIsNotBase64AsAFailedCheck() {
		SigningKey signer = SigningKey.generate();
		byte[] content = "回执".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		String signature = Base64.getEncoder().encodeToString(signer.sign(content));

		assertThat(signer.verifyingKey().verifies(content, signature)).isTrue();
		byte[] other = "回执?".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(signer.verifyingKey().verifies(other, signature)).isFalse();
		assertThat(SigningKey.generate().verifyingKey().verifies(content, signature)).isFalse();
		assertThat(signer.verifyingKey().verifies(content, "not base64!")).isFalse();
		assertThat(signer.verifyingKey().verifies(content, "")).isFalse();
	}

	@Test
	void refusesAnOutsidePartysSignatureSayingWhetherItWasNotBase64OrDidNotVerify() {
		SigningKey signer = SigningKey.generate();
		byte[] content = "回执".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		String signature = Base64.getEncoder().encodeToString(signer.sign(content));

		signer.verifyingKey().verify(content, signature, Refused::new);

		assertThat(refusal(() -> signer.verifyingKey().verify(content, "not base64!", Refused::new)))
			.isEqualTo("signature is not Base64");
		assertThat(refusal(() -> SigningKey.generate().verifyingKey().verify(content, signature, Refused::new)))
			.isEqualTo("signature does not verify");
		assertThat(refusal(() -> signer.verifyingKey().verify(content, null, Refused::new)))
			.isEqualTo("signature does not verify");
	}

	@Test
	void theSameKeyChecksManySignatures() {
		SigningKey signer = SigningKey.generate();
		for (int i = 0; i < 50; i++) {
			byte[] content = ("第" + i + "次").getBytes(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(signer.verifyingKey().verifies(content, signer.sign(content))).isTrue();
		}
	}

	private static String refusal(Runnable check) {
		try {
			check.run();
		}
		catch (Refused refused) {
			return refused.getMessage();
		}
		return null;
	}

	private static final class Refused extends OneVisitException {

		Refused(String why) {
			super("forged", Kind.INVALID, why);
		}

	}

	private static void assertAgrees(VerifyingKey key, byte[] content, byte[] signature, boolean expected) {
		SM2Signer bouncyCastle = new SM2Signer();
		bouncyCastle.init(false,
				new ParametersWithID(new ECPublicKeyParameters(
						VerifyingKey.CURVE.getCurve().decodePoint(HexFormat.of().parseHex(key.hex())),
						VerifyingKey.DOMAIN), VerifyingKey.USER_ID));
		bouncyCastle.update(content, 0, content.length);
		assertThat(bouncyCastle.verifySignature(signature)).isEqualTo(expected);
		assertThat(key.verifies(content, signature)).isEqualTo(expected);
	}

	private static byte[] der(BigInteger r, BigInteger s) throws IOException {
		return StandardDSAEncoding.INSTANCE.encode(N, r, s);
	}

	/** DER of any two integers, in or out of the curve's range. */
	private static byte[] derUnchecked(BigInteger r, BigInteger s) {
		try {
			return new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
					new org.bouncycastle.asn1.ASN1Integer(r), new org.bouncycastle.asn1.ASN1Integer(s) })
				.getEncoded();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
