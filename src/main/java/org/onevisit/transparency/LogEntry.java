package org.onevisit.transparency;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the public log, before it has its place in the tree. Its bytes (docs/
 * transparency-log.md): the format 0x01, the kind's byte, the time in microseconds since
 * 1970-01-01T00:00Z as a big-endian int64, then each field as a big-endian uint16 length
 * and its UTF-8; the first field is the entry's reference. Nothing in an entry names a
 * person: a data access is logged by its place and hash in the access ledger.
 */
public record LogEntry(Kind kind, Instant at, List<String> fields) {

	/** The format byte every entry starts with. */
	public static final byte FORMAT = 0x01;

	public LogEntry {
		at = at.truncatedTo(ChronoUnit.MICROS);
		fields = List.copyOf(fields);
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("an entry has at least its reference");
		}
	}

	/** What an entry records, by its byte in the encoding. */
	public enum Kind {

		/**
		 * Fields: reference {@code access/<ledger seq>}, ledger entry hash (hex),
		 * registry, consumer, outcome.
		 */
		DATA_ACCESS(1),
		/**
		 * Fields: reference {@code licence/<id>}, SM3 of the signed document (hex),
		 * licence type.
		 */
		LICENCE_ISSUED(2),
		/** Fields: reference {@code licence/<id>/revoked}. */
		LICENCE_REVOKED(3),
		/** Fields: reference {@code licence/<id>/superseded}, the successor's id. */
		LICENCE_SUPERSEDED(4),
		/**
		 * Fields: reference {@code catalogue/<item|bundle>/<code>/<version>}, action
		 * (publish, retire).
		 */
		CATALOGUE_CHANGED(5),
		/**
		 * Fields: reference {@code key/<name>/<key id>}, public key (uncompressed point,
		 * hex).
		 */
		SIGNING_KEY_CHANGED(6),
		/**
		 * Fields: reference {@code security/<security log id>}, the row's commitment
		 * (hex: SM3 of a random salt kept with the row and the row's values, so that it
		 * names nobody and cannot be confirmed by guessing), the event's kind.
		 */
		SECURITY_EVENT(7);

		private final int code;

		Kind(int code) {
			this.code = code;
		}

		public int code() {
			return this.code;
		}

		public static Kind of(int code) {
			for (Kind kind : values()) {
				if (kind.code == code) {
					return kind;
				}
			}
			throw new IllegalArgumentException("no entry kind " + code);
		}

	}

	public static LogEntry dataAccess(long ledgerSeq, byte[] ledgerHash, String registry, String consumer,
			String outcome, Instant at) {
		return new LogEntry(Kind.DATA_ACCESS, at,
				List.of(accessReference(ledgerSeq), hex(ledgerHash), text(registry), text(consumer), text(outcome)));
	}

	public static LogEntry licenceIssued(UUID licence, byte[] documentHash, String licenceType, Instant at) {
		return new LogEntry(Kind.LICENCE_ISSUED, at,
				List.of(licenceReference(licence), hex(documentHash), text(licenceType)));
	}

	public static LogEntry licenceRevoked(UUID licence, UUID successor, Instant at) {
		if (successor != null) {
			return new LogEntry(Kind.LICENCE_SUPERSEDED, at,
					List.of(licenceReference(licence) + "/superseded", successor.toString()));
		}
		return new LogEntry(Kind.LICENCE_REVOKED, at, List.of(licenceReference(licence) + "/revoked"));
	}

	public static LogEntry catalogueChanged(String entryKind, String code, int version, String action, Instant at) {
		return new LogEntry(Kind.CATALOGUE_CHANGED, at,
				List.of("catalogue/" + entryKind + "/" + code + "/" + version, action));
	}

	public static LogEntry signingKeyChanged(String keyName, String keyId, String publicKey, Instant at) {
		return new LogEntry(Kind.SIGNING_KEY_CHANGED, at, List.of("key/" + keyName + "/" + keyId, publicKey));
	}

	public static LogEntry securityEvent(long id, byte[] commitment, String eventKind, Instant at) {
		return new LogEntry(Kind.SECURITY_EVENT, at, List.of(securityReference(id), hex(commitment), text(eventKind)));
	}

	public static String securityReference(long id) {
		return "security/" + id;
	}

	public static String accessReference(long ledgerSeq) {
		return "access/" + ledgerSeq;
	}

	public static String licenceReference(UUID licence) {
		return "licence/" + licence;
	}

	/** The reference the entry is found by. */
	public String reference() {
		return this.fields.get(0);
	}

	/** The entry's bytes, as hashed into the tree and served in entry bundles. */
	public byte[] encode() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64);
		out.write(FORMAT);
		out.write(this.kind.code());
		out.writeBytes(ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(Instant.EPOCH, this.at)).array());
		for (String field : this.fields) {
			byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
			if (bytes.length > 0xFFFF) {
				throw new IllegalArgumentException("a field of a log entry has at most 65535 bytes");
			}
			out.write(bytes.length >>> 8);
			out.write(bytes.length & 0xFF);
			out.writeBytes(bytes);
		}
		return out.toByteArray();
	}

	/** Reads an entry's bytes back. */
	public static LogEntry decode(byte[] bytes) {
		ByteBuffer in = ByteBuffer.wrap(bytes);
		if (in.get() != FORMAT) {
			throw new IllegalArgumentException("not a log entry of format 1");
		}
		Kind kind = Kind.of(in.get() & 0xFF);
		Instant at = Instant.EPOCH.plus(in.getLong(), ChronoUnit.MICROS);
		List<String> fields = new ArrayList<>();
		while (in.hasRemaining()) {
			byte[] field = new byte[in.getShort() & 0xFFFF];
			in.get(field);
			fields.add(new String(field, StandardCharsets.UTF_8));
		}
		return new LogEntry(kind, at, fields);
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

	private static String hex(byte[] bytes) {
		StringBuilder hex = new StringBuilder(bytes.length * 2);
		for (byte b : bytes) {
			hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
		}
		return hex.toString();
	}

}
