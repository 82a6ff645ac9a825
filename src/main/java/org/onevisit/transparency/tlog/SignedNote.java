package org.onevisit.transparency.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: the text (ending in a newline), a blank line, and signature lines
 * {@code — <key name> base64(key id (4 bytes, big-endian) || signature)}.
 */
public record SignedNote(String text, List<Signature> signatures) {

	private static final String DASH = "\u2014 ";

	/**
	 * The signature type byte of C2SP signed-note for Ed25519 cosignatures
	 * (tlog-cosignature).
	 */
	public static final byte COSIGNATURE_V1 = 0x04;

	/**
	 * The signature type byte for signatures without an assigned byte; OneVisit's SM2 log
	 * signatures use it followed by {@link #SM2_IDENTIFIER}.
	 */
	public static final byte UNASSIGNED = (byte) 0xff;

	/**
	 * What follows {@link #UNASSIGNED} in the key id of OneVisit's SM2-with-SM3 log key.
	 */
	public static final String SM2_IDENTIFIER = "onevisit.sm2-sm3";

	public SignedNote {
		signatures = List.copyOf(signatures);
	}

	/** One signature line. */
	public record Signature(String name, byte[] keyId, byte[] signature) {

		public String line() {
			byte[] both = ByteBuffer.allocate(4 + this.signature.length).put(this.keyId).put(this.signature).array();
			return DASH + this.name + " " + Base64.getEncoder().encodeToString(both) + "\n";
		}

		public boolean isBy(String keyName, byte[] id) {
			return this.name.equals(keyName) && Arrays.equals(this.keyId, id);
		}

	}

	public String format() {
		StringBuilder note = new StringBuilder(this.text).append('\n');
		this.signatures.forEach((signature) -> note.append(signature.line()));
		return note.toString();
	}

	public SignedNote with(Signature signature) {
		List<Signature> all = new ArrayList<>(this.signatures);
		all.removeIf((known) -> known.isBy(signature.name(), signature.keyId()));
		all.add(signature);
		return new SignedNote(this.text, all);
	}

	public static SignedNote parse(String note) {
		int split = note.lastIndexOf("\n\n");
		if (split < 0) {
			throw new IllegalArgumentException("a signed note has a blank line before its signatures");
		}
		String text = note.substring(0, split + 1);
		List<Signature> signatures = new ArrayList<>();
		for (String line : note.substring(split + 2).split("\n")) {
			if (line.isEmpty()) {
				continue;
			}
			if (!line.startsWith(DASH)) {
				throw new IllegalArgumentException("not a signature line: " + line);
			}
			String[] parts = line.substring(DASH.length()).split(" ");
			if (parts.length != 2) {
				throw new IllegalArgumentException("not a signature line: " + line);
			}
			byte[] both = Base64.getDecoder().decode(parts[1]);
			if (both.length < 5) {
				throw new IllegalArgumentException("a signature too short: " + line);
			}
			signatures.add(new Signature(parts[0], Arrays.copyOf(both, 4), Arrays.copyOfRange(both, 4, both.length)));
		}
		return new SignedNote(text, signatures);
	}

	/**
	 * SHA-256(key name || 0x0A || type bytes || public key)[:4], as signed-note
	 * recommends.
	 */
	public static byte[] keyId(String name, byte[] type, byte[] publicKey) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(name.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0x0A);
			sha256.update(type);
			sha256.update(publicKey);
			return Arrays.copyOf(sha256.digest(), 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

	/**
	 * The key id of an SM2 log key: type bytes 0xff || "onevisit.sm2-sm3", the
	 * uncompressed point.
	 */
	public static byte[] sm2KeyId(String name, byte[] uncompressedPoint) {
		byte[] identifier = SM2_IDENTIFIER.getBytes(StandardCharsets.US_ASCII);
		byte[] type = ByteBuffer.allocate(1 + identifier.length).put(UNASSIGNED).put(identifier).array();
		return keyId(name, type, uncompressedPoint);
	}

	/** The key id of an Ed25519 cosigner (tlog-cosignature v1). */
	public static byte[] cosignerKeyId(String name, byte[] ed25519PublicKey) {
		return keyId(name, new byte[] { COSIGNATURE_V1 }, ed25519PublicKey);
	}

	/**
	 * What a tlog-cosignature v1 signs: the header, the time line and the checkpoint
	 * body.
	 */
	public static byte[] cosignedMessage(long timestamp, String checkpointBody) {
		return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointBody).getBytes(StandardCharsets.UTF_8);
	}

}
