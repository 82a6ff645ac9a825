package org.onevisit.signing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.onevisit.platform.DatabaseMode;
import org.onevisit.signing.KeyEncryptionKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The key-encryption key from {@code ONEVISIT_KEK} (32 hexadecimal digits), or else from
 * the file {@code onevisit.keys.kek-file}, which lies outside the data directory. Only
 * the demo creates that file at first start; anywhere else a missing key stops the start,
 * since a key made up there would be lost with the machine and everything wrapped under
 * it with it.
 */
@Configuration(proxyBeanMethods = false)
class KeyEncryptionKeyConfiguration {

	@Bean
	KeyEncryptionKey keyEncryptionKey(@Value("${onevisit.keys.kek:}") String given,
			@Value("${onevisit.keys.kek-file}") Path file, DatabaseMode mode) {
		if (StringUtils.hasText(given)) {
			return parse(given, "ONEVISIT_KEK (onevisit.keys.kek)");
		}
		try {
			if (Files.exists(file)) {
				return parse(Files.readString(file), "the file " + file + " (onevisit.keys.kek-file)");
			}
			if (!mode.demo()) {
				throw new MissingKeyEncryptionKey("OneVisit needs its key-encryption key: set ONEVISIT_KEK to 32"
						+ " hexadecimal digits or put them in the file onevisit.keys.kek-file (now "
						+ file.toAbsolutePath()
						+ "), outside the data directory. Only a demo (onevisit.demo=true) makes one itself.");
			}
			return create(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the key-encryption key " + file, ex);
		}
	}

	/**
	 * Writes a new key to a file of its own and links it into place, so that demo nodes
	 * starting together all end up with the one that was linked first.
	 */
	private static KeyEncryptionKey create(Path file) throws IOException {
		KeyEncryptionKey created = KeyEncryptionKey.generate();
		Path folder = file.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		Path draft = Files.createTempFile(folder, ".onevisit-kek", ".tmp");
		try {
			try {
				Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the folder's own protection applies
			}
			Files.writeString(draft, created.toHex() + "\n");
			Files.createLink(file, draft);
			return created;
		}
		catch (FileAlreadyExistsException ex) {
			return parse(Files.readString(file), "the file " + file + " (onevisit.keys.kek-file)");
		}
		finally {
			Files.deleteIfExists(draft);
		}
	}

	private static KeyEncryptionKey parse(String hex, String from) {
		try {
			return KeyEncryptionKey.ofHex(hex);
		}
		catch (IllegalArgumentException ex) {
			throw new MissingKeyEncryptionKey(
					"The key-encryption key in " + from + " is not 32 hexadecimal digits (an SM4 key of 16 bytes)");
		}
	}

	/** No usable key-encryption key: OneVisit does not start. */
	static final class MissingKeyEncryptionKey extends IllegalStateException {

		MissingKeyEncryptionKey(String message) {
			super(message);
		}

	}

}
