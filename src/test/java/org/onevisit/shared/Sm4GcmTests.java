package org.onevisit.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
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

	// RFC 8998 appendix A.1: SM4-GCM with a known key, IV, AAD and plaintext
	private static final byte[] KEY = HexFormat.of().parseHex("0123456789ABCDEFFEDCBA9876543210");

	private static final byte[] IV = HexFormat.of().parseHex("00001234567800000000ABCD");

	private static final byte[] AAD = HexFormat.of().parseHex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");

	private static final byte[] PLAIN = HexFormat.of()
		.parseHex("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
				+ "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");

	private static final byte[] CIPHERTEXT_AND_TAG = HexFormat.of()
		.parseHex("17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
				+ "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
				+ "83DE3541E4C2B58177E065A9BF7B62EC");

	@Test
	void matchesTheSm4GcmTestVectorOfRfc8998() {
		byte[] sealed = new byte[IV.length + PLAIN.length + 16];
		System.arraycopy(IV, 0, sealed, 0, IV.length);
		System.arraycopy(CIPHERTEXT_AND_TAG, 0, sealed, IV.length, CIPHERTEXT_AND_TAG.length);

		assertThat(Sm4Gcm.open(KEY, sealed, AAD)).isEqualTo(PLAIN);
	}

	@Test
	void sealsWithAGivenNonceInTheSameFormatAsTheTestVectorOfRfc8998() {
		byte[] sealed = Sm4Gcm.sealWithNonce(KEY, IV, PLAIN, AAD);

		assertThat(Arrays.copyOf(sealed, IV.length)).isEqualTo(IV);
		assertThat(Arrays.copyOfRange(sealed, IV.length, sealed.length)).isEqualTo(CIPHERTEXT_AND_TAG);
		assertThat(Sm4Gcm.sealWithNonce(KEY, IV, PLAIN, AAD)).as("the same nonce and text seal the same")
			.isEqualTo(sealed);
		assertThatThrownBy(() -> Sm4Gcm.sealWithNonce(KEY, new byte[8], PLAIN, AAD))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void opensWhatBouncyCastlesDefaultGcmSealedAtEveryLength() throws Exception {
		// values sealed before the constant-time multiplier, with BouncyCastle's table,
		// stay readable: both compute the same GHASH
		byte[] key = Sm4Gcm.newKey();
		for (int length = 0; length <= 600; length += (length < 40) ? 1 : 37) {
			byte[] plain = new byte[length];
			Arrays.fill(plain, (byte) length);
			byte[] nonce = Arrays.copyOf(HexFormat.of().parseHex("%024x".formatted(length)), Sm4Gcm.NONCE_BYTES);
			GCMModeCipher table = GCMBlockCipher.newInstance(new SM4Engine());
			table.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, CONTEXT));
			byte[] sealed = new byte[Sm4Gcm.NONCE_BYTES + table.getOutputSize(length)];
			System.arraycopy(nonce, 0, sealed, 0, Sm4Gcm.NONCE_BYTES);
			table.doFinal(sealed,
					Sm4Gcm.NONCE_BYTES + table.processBytes(plain, 0, length, sealed, Sm4Gcm.NONCE_BYTES));

			assertThat(Sm4Gcm.open(key, sealed, CONTEXT)).as("%d bytes", length).isEqualTo(plain);
			assertThat(Sm4Gcm.sealWithNonce(key, nonce, plain, CONTEXT)).as("%d bytes", length).isEqualTo(sealed);
		}
	}

}
