package org.onevisit.shared;

import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SM2 on this machine with BouncyCastle's {@code SM2Signer}: signing, and checking a
 * signature, in alternating rounds so that a change in the host's load reaches both
 * alike. A registry answer of 600 bytes. Run with
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
		VerifyingKey published = VerifyingKey.fromHex(key.verifyingKey().hex());
		boolean all = true;
		for (int round = 1; round <= 8; round++) {
			long started = System.nanoTime();
			for (int i = 0; i < PER_ROUND; i++) {
				key.sign(content);
			}
			long signed = System.nanoTime();
			for (int i = 0; i < PER_ROUND; i++) {
				all &= published.verifies(content, signature);
			}
			long checked = System.nanoTime();
			System.out.printf("BENCHMARK SM2 round %d: sign %.0f µs, check %.0f µs%n", round,
					(signed - started) / 1e3 / PER_ROUND, (checked - signed) / 1e3 / PER_ROUND);
		}
		assertThat(all).isTrue();
	}

}
