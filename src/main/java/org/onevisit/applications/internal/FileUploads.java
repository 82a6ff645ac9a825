package org.onevisit.applications.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.tika.Tika;
import org.onevisit.applications.Upload;
import org.onevisit.applications.UploadRefused;
import org.onevisit.applications.Uploads;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Uploads on the file system under the data directory, each under a generated name with
 * no extension, and their records in the database. The type is detected from the bytes by
 * Apache Tika; the name the file came with is kept only to show it.
 */
@Service
class FileUploads implements Uploads {

	static final Set<String> ACCEPTED = Set.of("application/pdf", "image/jpeg", "image/png");

	private final Path directory;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Tika tika = new Tika();

	FileUploads(@Value("${onevisit.data-dir:./data}") Path dataDirectory, JdbcClient jdbc, Clock clock) {
		this.directory = dataDirectory.resolve("uploads");
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Upload store(String owner, String originalName, InputStream content) {
		String name = displayName(originalName);
		UUID id = UUID.randomUUID();
		Path incoming = null;
		try {
			Files.createDirectories(this.directory);
			incoming = Files.createTempFile(this.directory, "incoming-", ".part");
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			long size = copyAtMost(new DigestInputStream(content, sha256), incoming, MAX_BYTES);
			if (size < 0) {
				throw UploadRefused.tooLarge(name);
			}
			if (size == 0) {
				throw UploadRefused.empty(name);
			}
			// by content only: a name is whatever the sender typed
			String detected = this.tika.detect(incoming);
			if (!ACCEPTED.contains(detected)) {
				throw UploadRefused.typeNotAllowed(name, detected);
			}
			Path stored = this.directory.resolve(id.toString());
			Files.move(incoming, stored, StandardCopyOption.ATOMIC_MOVE);
			incoming = null;
			Instant now = this.clock.instant();
			Upload upload = new Upload(id, owner, name, detected, size, HexFormat.of().formatHex(sha256.digest()), now);
			this.jdbc.sql("""
					insert into applications_upload (id, owner, original_name, media_type, size, sha256, stored_at)
					values (:id, :owner, :name, :type, :size, :sha256, :at)
					""")
				.param("id", id)
				.param("owner", owner)
				.param("name", name)
				.param("type", detected)
				.param("size", size)
				.param("sha256", upload.sha256())
				.param("at", Timestamp.from(now))
				.update();
			return upload;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot store an upload in " + this.directory, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			if (incoming != null) {
				try {
					Files.deleteIfExists(incoming);
				}
				catch (IOException ex) {
					// a stray part file holds nothing anyone can reach
				}
			}
		}
	}

	@Override
	public Optional<Stored> find(UUID id, String owner) {
		return this.jdbc.sql("select * from applications_upload where id = :id and owner = :owner")
			.param("id", id)
			.param("owner", owner)
			.query(FileUploads::upload)
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
			.query(FileUploads::upload)
			.optional()
			.map(this::stored);
	}

	private Stored stored(Upload upload) {
		return new Stored(upload, this.directory.resolve(upload.id().toString()));
	}

	private static Upload upload(ResultSet row, int rowNum) throws SQLException {
		return new Upload(row.getObject("id", UUID.class), row.getString("owner"), row.getString("original_name"),
				row.getString("media_type"), row.getLong("size"), row.getString("sha256"),
				row.getTimestamp("stored_at").toInstant());
	}

	/** Copies up to the limit; -1 when the content is longer. */
	private static long copyAtMost(InputStream in, Path target, long limit) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		try (in; OutputStream out = Files.newOutputStream(target)) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				total += read;
				if (total > limit) {
					return -1;
				}
				out.write(buffer, 0, read);
			}
		}
		return total;
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
