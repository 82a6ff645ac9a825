package org.onevisit.licences.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onevisit.licences.LicenceWallet.PublishedKey;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's signing keys across restarts and rotations. */
class PlatformKeysTests {

	static final byte[] CONTENT = "{\"id\":\"证照\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void generatesAKeyAtFirstStartAndSignsWithTheSameOneAfterARestart(@TempDir Path data) {
		PlatformKeys first = new PlatformKeys(data);
		PlatformKeys.Signed signed = first.sign(CONTENT);

		PlatformKeys restarted = new PlatformKeys(data);

		assertThat(restarted.currentKeyId()).isEqualTo(first.currentKeyId()).isEqualTo(signed.keyId());
		assertThat(PlatformKeys.verify(restarted.publicKey(signed.keyId()).orElseThrow(), CONTENT, signed.signature()))
			.isTrue();
		assertThat(data.resolve("keys/licences")).isDirectoryContaining((file) -> file.toString().endsWith(".key"));
	}

	@Test
	void aRotationSignsWithTheNewKeyAndKeepsTheOldOnePublished(@TempDir Path data) throws Exception {
		PlatformKeys keys = new PlatformKeys(data);
		PlatformKeys.Signed before = keys.sign(CONTENT);

		String rotated = keys.rotate();
		PlatformKeys restarted = new PlatformKeys(data);

		assertThat(rotated).isNotEqualTo(before.keyId());
		assertThat(restarted.currentKeyId()).isEqualTo(rotated);
		assertThat(restarted.published()).extracting(PublishedKey::keyId).containsExactly(rotated, before.keyId());
		assertThat(PlatformKeys.verify(restarted.publicKey(before.keyId()).orElseThrow(), CONTENT, before.signature()))
			.isTrue();
		assertThat(PlatformKeys.verify(restarted.publicKey(rotated).orElseThrow(), CONTENT, before.signature()))
			.isFalse();
		try (var files = Files.list(data.resolve("keys/licences"))) {
			assertThat(files.count()).isEqualTo(2);
		}
	}

}
