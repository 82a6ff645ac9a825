package org.onevisit.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTests {

	@Test
	void everySignatureOfOneKeyVerifiesAndOnlyOverItsOwnContent() {
		SigningKey key = SigningKey.generate();
		for (int i = 0; i < 5; i++) {
			byte[] content = ("请求 " + i).getBytes(StandardCharsets.UTF_8);
			byte[] signature = key.sign(content);
			assertThat(key.verifyingKey().verifies(content, signature)).isTrue();
			assertThat(key.verifyingKey().verifies(("请求 " + (i + 1)).getBytes(StandardCharsets.UTF_8), signature))
				.isFalse();
		}
		assertThat(SigningKey.generate().verifyingKey().verifies(new byte[] { 1 }, key.sign(new byte[] { 1 })))
			.isFalse();
		assertThat(key.verifyingKey().verifies(new byte[] { 1 }, new byte[] { 0x30, 0x01 })).isFalse();
	}

	@Test
	void comesBackFromItsPrivateScalarAndPublishesItsPoint() {
		SigningKey first = SigningKey.generate();
		SigningKey again = SigningKey.ofPrivate(first.privateScalar());

		assertThat(first.privateScalar()).hasSize(32);
		assertThat(again.id()).isEqualTo(first.id());
		VerifyingKey published = VerifyingKey.fromHex(first.verifyingKey().hex());
		byte[] content = "检查点".getBytes(StandardCharsets.UTF_8);
		assertThat(published.verifies(content, again.sign(content))).isTrue();
		assertThat(published).isEqualTo(first.verifyingKey());
	}

	@Test
	void refusesAScalarThatIsNoPrivateKey() {
		assertThatThrownBy(() -> SigningKey.ofPrivate(new byte[32])).isInstanceOf(IllegalArgumentException.class);
		byte[] tooLarge = new byte[32];
		Arrays.fill(tooLarge, (byte) 0xff);
		assertThatThrownBy(() -> SigningKey.ofPrivate(tooLarge)).isInstanceOf(IllegalArgumentException.class);
	}

}
