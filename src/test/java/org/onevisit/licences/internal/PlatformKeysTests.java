package org.onevisit.licences.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
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
		assertThat(restarted.publicKey(signed.keyId()).orElseThrow().verifies(CONTENT, signed.signature())).isTrue();
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
		assertThat(restarted.publicKey(before.keyId()).orElseThrow().verifies(CONTENT, before.signature())).isTrue();
		assertThat(restarted.publicKey(rotated).orElseThrow().verifies(CONTENT, before.signature())).isFalse();
		try (var files = Files.list(data.resolve("keys/licences"))) {
			assertThat(files.count()).isEqualTo(2);
		}
	}

	@Test
	void publishesEachKeyAsItsPointAndAsASubjectPublicKeyInfoNamingTheCurve(@TempDir Path data) throws Exception {
		PlatformKeys keys = new PlatformKeys(data);

		PublishedKey published = keys.published().get(0);

		var decoded = (ECPublicKeyParameters) PublicKeyFactory
			.createKey(Base64.getDecoder().decode(published.subjectPublicKeyInfo()));
		assertThat(HexFormat.of().formatHex(decoded.getQ().getEncoded(false))).isEqualTo(published.publicKeyHex());
		assertThat(published.keyId()).isEqualTo(keys.currentKeyId());
		try (var files = Files.list(data.resolve("keys/licences"))) {
			assertThat(Files.getPosixFilePermissions(files.findFirst().orElseThrow()))
				.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
		}
	}

}
