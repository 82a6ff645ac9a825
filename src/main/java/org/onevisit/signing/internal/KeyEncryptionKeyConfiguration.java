package org.onevisit.signing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.onevisit.signing.KeyEncryptionKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The key-encryption key from {@code ONEVISIT_KEK} (32 hexadecimal digits), or else from
 * the file {@code onevisit.keys.kek-file}, which lies outside the data directory; the
 * demo creates that file at first start.
 */
@Configuration(proxyBeanMethods = false)
class KeyEncryptionKeyConfiguration {

	@Bean
	KeyEncryptionKey keyEncryptionKey(@Value("${onevisit.keys.kek:}") String given,
			@Value("${onevisit.keys.kek-file}") Path file) {
		if (StringUtils.hasText(given)) {
			return KeyEncryptionKey.ofHex(given);
		}
		try {
			if (Files.exists(file)) {
				return KeyEncryptionKey.ofHex(Files.readString(file));
			}
			KeyEncryptionKey created = KeyEncryptionKey.generate();
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, created.toHex() + "\n");
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			return created;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the key-encryption key " + file, ex);
		}
	}

}
