package org.onevisit.shared;

import java.util.HexFormat;
import java.util.Random;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SM2 on this machine: signing, checking a signature with the key's tables, and checking
 * it with BouncyCastle's verifier, in alternating rounds so that a change in the host's
 * load reaches all three alike. A registry answer of 600 bytes. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=SignatureBenchmark}; it prints microseconds per
 * operation, round by round.
 */
@Tag("benchmark")
class SignatureBenchmark {

	static final int PER_ROUND = 3_000;

	@Test
	void signsAndChecksRegistryAnswers() {
		SigningKey key = SigningKey.generate();
		byte[] content = new byte[600];
		new Random(1).nextBytes(content);
		byte[] signature = key.sign(content);
		VerifyingKey tables = key.verifyingKey();
		ECPublicKeyParameters point = new ECPublicKeyParameters(
				VerifyingKey.CURVE.getCurve().decodePoint(HexFormat.of().parseHex(tables.hex())), VerifyingKey.DOMAIN);
		boolean all = true;
		for (int round = 1; round <= 8; round++) {
			long started = System.nanoTime();
			for (int i = 0; i < PER_ROUND; i++) {
				key.sign(content);
			}
			long signed = System.nanoTime();
			for (int i = 0; i < PER_ROUND; i++) {
				all &= tables.verifies(content, signature);
			}
			long checked = System.nanoTime();
			for (int i = 0; i < PER_ROUND; i++) {
				SM2Signer verifier = new SM2Signer();
				verifier.init(false, new ParametersWithID(point, VerifyingKey.USER_ID));
				verifier.update(content, 0, content.length);
				all &= verifier.verifySignature(signature);
			}
			long bouncyCastle = System.nanoTime();
			System.out.printf(
					"BENCHMARK SM2 round %d: sign %.0f µs, check with the tables %.0f µs, with BouncyCastle's verifier %.0f µs%n",
					round, (signed - started) / 1e3 / PER_ROUND, (checked - signed) / 1e3 / PER_ROUND,
					(bouncyCastle - checked) / 1e3 / PER_ROUND);
		}
		assertThat(all).isTrue();
	}

}
