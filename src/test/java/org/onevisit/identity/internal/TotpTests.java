package org.onevisit.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

	static final byte[] SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234"
		.getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082, 46119246, 90693936", "1111111109, 07081804, 68084774, 25091201",
			"1111111111, 14050471, 67062674, 99943326", "1234567890, 89005924, 91819424, 93441116",
			"2000000000, 69279037, 90698825, 38618901", "20000000000, 65353130, 77737706, 47863826" })
	void givesTheCodesOfRfc6238AppendixB(long time, String sha1, String sha256, String sha512) {
		long step = Totp.stepAt(Instant.ofEpochSecond(time));
		assertThat(Totp.code(SHA1_SEED, step, 8, "HmacSHA1")).isEqualTo(sha1);
		assertThat(Totp.code(SHA256_SEED, step, 8, "HmacSHA256")).isEqualTo(sha256);
		assertThat(Totp.code(SHA512_SEED, step, 8, "HmacSHA512")).isEqualTo(sha512);
	}

	@Test
	void acceptsACodeOneStepEitherSideAndNoFurther() {
		Instant now = Instant.ofEpochSecond(1_111_111_111);
		String previous = Totp.code(SHA1_SEED, now.minusSeconds(30));
		String next = Totp.code(SHA1_SEED, now.plusSeconds(30));
		String tooOld = Totp.code(SHA1_SEED, now.minusSeconds(60));

		assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, now), now)).isEqualTo(Totp.stepAt(now));
		assertThat(Totp.matchingStep(SHA1_SEED, previous, now)).isEqualTo(Totp.stepAt(now) - 1);
		assertThat(Totp.matchingStep(SHA1_SEED, next, now)).isEqualTo(Totp.stepAt(now) + 1);
		assertThat(Totp.matchingStep(SHA1_SEED, tooOld, now)).isEqualTo(-1);
		assertThat(Totp.matchingStep(SHA1_SEED, "12345", now)).isEqualTo(-1);
	}

	@Test
	void readsBackTheBase32ItWrites() {
		assertThat(Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(SHA1_SEED);
	}

}
