package org.onevisit.applications.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.tika.Tika;
import org.onevisit.applications.Upload;
import org.onevisit.applications.UploadRefused;
import org.onevisit.applications.Uploads;
import org.onevisit.privacy.PersonalData;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Uploads on the file system under the data directory, each under a generated name with
 * no extension, sealed with SM4-GCM and bound to its upload id (a file copied under
 * another id does not open), and their records in the database, the name sealed too. The
 * type is detected from the bytes by Apache Tika; the name the file came with is kept
 * only to show it.
 */
@Service
class FileUploads implements Uploads {

	static final Set<String> ACCEPTED = Set.of("application/pdf", "image/jpeg", "image/png");

	private final Path directory;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PersonalData personalData;

	private final Tika tika = new Tika();

	FileUploads(@Value("${onevisit.data-dir:./data}") Path dataDirectory, JdbcClient jdbc, Clock clock,
			PersonalData personalData) {
		this.directory = dataDirectory.resolve("uploads");
		this.jdbc = jdbc;
		this.clock = clock;
		this.personalData = personalData;
	}

	@Override
	public Upload store(String owner, String originalName, InputStream content, String material) {
		String name = displayName(originalName);
		UUID id = UUID.randomUUID();
		try {
			// in memory (at most 20 MB), so that the clear bytes never touch the disk
			byte[] bytes = readAtMost(content, MAX_BYTES);
			if (bytes == null) {
				throw UploadRefused.tooLarge(name);
			}
			if (bytes.length == 0) {
				throw UploadRefused.empty(name);
			}
			// by content only: a name is whatever the sender typed
			String detected = this.tika.detect(bytes);
			if (!ACCEPTED.contains(detected)) {
				throw UploadRefused.typeNotAllowed(name, detected);
			}
			Files.createDirectories(this.directory);
			Path incoming = Files.createTempFile(this.directory, "incoming-", ".part");
			try {
				Files.write(incoming, this.personalData.sealBytes(bytes, fileContext(id)));
				Files.move(incoming, this.directory.resolve(id.toString()), StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(incoming);
			}
			Instant now = this.clock.instant();
			Upload upload = new Upload(id, owner, name, detected, bytes.length,
					HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), now, material);
			this.jdbc.sql("""
					insert into applications_upload (id, owner, original_name, media_type, size, sha256, stored_at,
					    material)
					values (:id, :owner, :name, :type, :size, :sha256, :at, :material)
					""")
				.param("id", id)
				.param("owner", owner)
				.param("name", this.personalData.seal(name, nameContext(id)))
				.param("type", detected)
				.param("size", (long) bytes.length)
				.param("sha256", upload.sha256())
				.param("at", Timestamp.from(now))
				// typed even when null (ADR 18)
				.param("material", material, Types.VARCHAR)
				.update();
			return upload;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot store an upload in " + this.directory, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Deletes the uploads no submission names a day after they were stored, those of
	 * refused submissions among them (nothing names them): their records and their files.
	 * An upload a supplement replaced stays while the supplement's answer names it.
	 * Answers how many.
	 */
	int deleteUnused(Duration after) {
		List<UUID> unused = this.jdbc.sql("""
				delete from applications_upload u
				where u.stored_at < :before and not exists (
				    select 1 from applications_application a
				    where a.materials @> jsonb_build_array(jsonb_build_object('reference', u.id::text)))
				  and not exists (
				    select 1 from applications_supplement s where s.uploads @> jsonb_build_array(u.id::text))
				returning u.id
				""").param("before", Timestamp.from(this.clock.instant().minus(after))).query(UUID.class).list();
		for (UUID id : unused) {
			try {
				Files.deleteIfExists(this.directory.resolve(id.toString()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot delete the unused upload " + id, ex);
			}
		}
		return unused.size();
	}

	@Override
	public Optional<Stored> find(UUID id, String owner) {
		return this.jdbc.sql("select * from applications_upload where id = :id and owner = :owner")
			.param("id", id)
			.param("owner", owner)
			.query(this::upload)
			.optional()
			.map(this::stored);
	}

	@Override
	public Optional<Stored> findForReview(UUID id, String departmentCode) {
		return this.jdbc.sql("""
				select u.* from applications_upload u
				where u.id = :id and exists (
				    select 1 from applications_application a join applications_task t on t.application_id = a.id
				    where a.materials @> cast(:reference as jsonb) and t.department_code = :department)
				""")
			.param("id", id)
			.param("reference", "[{\"reference\": \"" + id + "\"}]")
			.param("department", departmentCode)
			.query(this::upload)
			.optional()
			.map(this::stored);
	}

	private Stored stored(Upload upload) {
		try {
			byte[] sealed = Files.readAllBytes(this.directory.resolve(upload.id().toString()));
			return new Stored(upload, this.personalData.openBytes(sealed, fileContext(upload.id())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the upload " + upload.id(), ex);
		}
	}

	private Upload upload(ResultSet row, int rowNum) throws SQLException {
		UUID id = row.getObject("id", UUID.class);
		return new Upload(id, row.getString("owner"),
				this.personalData.open(row.getString("original_name"), nameContext(id)), row.getString("media_type"),
				row.getLong("size"), row.getString("sha256"), row.getTimestamp("stored_at").toInstant(),
				row.getString("material"));
	}

	// a file or name is bound to its upload: swapped under another id, it does not open
	private static String fileContext(UUID id) {
		return "applications_upload/" + id;
	}

	private static String nameContext(UUID id) {
		return "applications_upload.original_name/" + id;
	}

	/** Reads up to the limit; null when the content is longer. */
	private static byte[] readAtMost(InputStream in, long limit) throws IOException {
		try (in) {
			byte[] bytes = in.readNBytes((int) limit + 1);
			return (bytes.length > limit) ? null : bytes;
		}
	}

	/** The last path segment of what the browser sent, for showing only. */
	private static String displayName(String originalName) {
		if (originalName == null || originalName.isBlank()) {
			return "upload";
		}
		String name = originalName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		return name.isEmpty() ? "upload" : (name.length() > 200 ? name.substring(0, 200) : name);
	}

}
