package org.onevisit.signing.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onevisit.signing.KeyEncryptionKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onevisit.platform.DatabaseModes.mode;

class KeyEncryptionKeyConfigurationTests {

	final KeyEncryptionKeyConfiguration configuration = new KeyEncryptionKeyConfiguration();

	@Test
	void refusesToStartOutsideTheDemoWithoutAKeyEncryptionKeyAndNamesWhereToGiveIt(@TempDir Path secrets) {
		Path file = secrets.resolve("onevisit.kek");

		assertThatThrownBy(() -> this.configuration.keyEncryptionKey("", file, mode(false)))
			.isInstanceOf(KeyEncryptionKeyConfiguration.MissingKeyEncryptionKey.class)
			.hasMessageContaining("ONEVISIT_KEK")
			.hasMessageContaining("onevisit.keys.kek-file");
		assertThat(file).doesNotExist();
	}

	@Test
	void theDemoMakesItsKeyEncryptionKeyAtFirstStartAndReadsItAfterwards(@TempDir Path secrets) throws Exception {
		Path file = secrets.resolve("secrets/onevisit.kek");

		KeyEncryptionKey made = this.configuration.keyEncryptionKey("", file, mode(true));
		KeyEncryptionKey read = this.configuration.keyEncryptionKey("", file, mode(false));

		assertThat(read.toHex()).isEqualTo(made.toHex());
		assertThat(Files.readString(file).strip()).isEqualTo(made.toHex());
		assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
	}

	@Test
	void theEnvironmentsKeyComesFirstAndAMalformedOneStopsTheStart(@TempDir Path secrets) {
		KeyEncryptionKey given = KeyEncryptionKey.generate();

		assertThat(this.configuration.keyEncryptionKey(given.toHex(), secrets.resolve("none"), mode(false)).toHex())
			.isEqualTo(given.toHex());
		assertThat(secrets.resolve("none")).doesNotExist();
		assertThatThrownBy(() -> this.configuration.keyEncryptionKey("not-hex", secrets.resolve("none"), mode(true)))
			.isInstanceOf(KeyEncryptionKeyConfiguration.MissingKeyEncryptionKey.class)
			.hasMessageContaining("ONEVISIT_KEK")
			.hasMessageContaining("32 hexadecimal digits");
	}

}
