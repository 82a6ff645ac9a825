package org.onevisit.shared;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Sm4GcmTests {

	private static final byte[] CONTEXT = "applications.form".getBytes(StandardCharsets.UTF_8);

	@Test
	void opensWhatItSealedAndHidesThePlainBytes() {
		byte[] key = Sm4Gcm.newKey();
		byte[] plain = "330102199001011234".getBytes(StandardCharsets.UTF_8);

		byte[] sealed = Sm4Gcm.seal(key, plain, CONTEXT);

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("330102199001011234");
		assertThat(Sm4Gcm.open(key, sealed, CONTEXT)).isEqualTo(plain);
		assertThat(Sm4Gcm.seal(key, plain, CONTEXT)).as("a fresh nonce each time").isNotEqualTo(sealed);
	}

	@Test
	void refusesAnAlteredValueAnotherKeyAndAnotherContext() {
		byte[] key = Sm4Gcm.newKey();
		byte[] sealed = Sm4Gcm.seal(key, "王芳".getBytes(StandardCharsets.UTF_8), CONTEXT);
		byte[] altered = sealed.clone();
		altered[altered.length - 1] ^= 1;

		assertThatThrownBy(() -> Sm4Gcm.open(key, altered, CONTEXT)).isInstanceOf(Sm4Gcm.SealBroken.class);
		assertThatThrownBy(() -> Sm4Gcm.open(Sm4Gcm.newKey(), sealed, CONTEXT)).isInstanceOf(Sm4Gcm.SealBroken.class);
		assertThatThrownBy(() -> Sm4Gcm.open(key, sealed, "exchange.answer".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(Sm4Gcm.SealBroken.class);
		assertThatThrownBy(() -> Sm4Gcm.open(key, new byte[5], CONTEXT)).isInstanceOf(Sm4Gcm.SealBroken.class);
	}

	@Test
	void matchesTheSm4GcmTestVectorOfRfc8998() {
		// RFC 8998 appendix A.1: SM4-GCM with a known key, IV, AAD and plaintext
		byte[] key = java.util.HexFormat.of().parseHex("0123456789ABCDEFFEDCBA9876543210");
		byte[] iv = java.util.HexFormat.of().parseHex("00001234567800000000ABCD");
		byte[] aad = java.util.HexFormat.of().parseHex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
		byte[] plain = java.util.HexFormat.of()
			.parseHex("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
					+ "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
		byte[] sealed = new byte[iv.length + plain.length + 16];
		System.arraycopy(iv, 0, sealed, 0, iv.length);
		byte[] expected = java.util.HexFormat.of()
			.parseHex("17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
					+ "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
					+ "83DE3541E4C2B58177E065A9BF7B62EC");
		System.arraycopy(expected, 0, sealed, iv.length, expected.length);

		assertThat(Sm4Gcm.open(key, sealed, aad)).isEqualTo(plain);
	}

}
