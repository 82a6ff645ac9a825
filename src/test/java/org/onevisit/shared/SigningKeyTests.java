package org.onevisit.shared;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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
	void keepsTheKeyItGeneratedAcrossRestartsAndPublishesItsPoint(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("keys/platform.key");
		SigningKey first = SigningKey.loadOrCreate(file);
		SigningKey again = SigningKey.loadOrCreate(file);

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
		VerifyingKey published = VerifyingKey.fromHex(first.verifyingKey().hex());
		byte[] content = "检查点".getBytes(StandardCharsets.UTF_8);
		assertThat(published.verifies(content, again.sign(content))).isTrue();
		assertThat(published).isEqualTo(first.verifyingKey());
	}

}
