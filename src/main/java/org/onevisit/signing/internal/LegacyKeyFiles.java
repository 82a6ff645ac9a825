package org.onevisit.signing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bouncycastle.util.BigIntegers;
import org.onevisit.shared.SigningKey;
import org.onevisit.signing.KeyName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Plain key files an older OneVisit left in the data directory ({@code keys/…/*.key}).
 * They lay readable by anyone who could copy the directory, so none of them signs again:
 * the public keys of the platform's own (licences, the exchange, whose key also signed
 * the ledger's checkpoints) are kept as keys that only verify, so that what they signed
 * keeps verifying, fresh keys sign from now on, and every plain file is deleted, the
 * simulated outside parties' ones included (their keys now live in memory only).
 */
@Component
class LegacyKeyFiles {

	private static final Logger log = LoggerFactory.getLogger(LegacyKeyFiles.class);

	private final Path keys;

	private final StoredKeys store;

	private final Clock clock;

	LegacyKeyFiles(@Value("${onevisit.data-dir:./data}") Path dataDirectory, StoredKeys store, Clock clock) {
		this.keys = dataDirectory.resolve("keys");
		this.store = store;
		this.clock = clock;
	}

	/** Imports the platform's old public keys and deletes every plain key file. */
	void importAndDelete() {
		if (!Files.isDirectory(this.keys)) {
			return;
		}
		List<Path> files = new ArrayList<>();
		try (Stream<Path> all = Files.walk(this.keys)) {
			all.filter((file) -> Files.isRegularFile(file) && file.getFileName().toString().endsWith(".key"))
				.forEach(files::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the old key files in " + this.keys, ex);
		}
		Instant now = this.clock.instant();
		for (Path file : files) {
			String folder = this.keys.relativize(file).getName(0).toString();
			if (folder.equals("licences")) {
				keep(file, now, KeyName.LICENCES);
			}
			else if (folder.equals("exchange")) {
				keep(file, now, KeyName.EXCHANGE, KeyName.LEDGER);
			}
			delete(file);
		}
		if (!files.isEmpty()) {
			log.warn(
					"Deleted {} plain key files from {}; the platform's old public keys keep verifying what they signed,"
							+ " new keys wrapped under the key-encryption key sign from now on",
					files.size(), this.keys);
		}
	}

	private void keep(Path file, Instant now, KeyName... names) {
		SigningKey key;
		try {
			BigInteger d = new BigInteger(Files.readString(file).strip(), 16);
			key = SigningKey.ofPrivate(BigIntegers.asUnsignedByteArray(32, d));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the old key file " + file, ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The old key file " + file
					+ " holds no SM2 private key; move it out of the data directory to start", ex);
		}
		Instant created = createdAt(file, now);
		for (KeyName name : names) {
			this.store.addVerifying(name, key.id(), key.verifyingKey().hex(), created, now);
		}
	}

	private static Instant createdAt(Path file, Instant otherwise) {
		// the licence keys' names start with the milliseconds they were made at
		String name = file.getFileName().toString();
		int dash = name.indexOf('-');
		if (dash > 0) {
			try {
				return Instant.ofEpochMilli(Long.parseLong(name.substring(0, dash)));
			}
			catch (NumberFormatException ex) {
				// another name: the time of the import
			}
		}
		return otherwise;
	}

	private static void delete(Path file) {
		try {
			Files.delete(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete the plain key file " + file, ex);
		}
	}

}
