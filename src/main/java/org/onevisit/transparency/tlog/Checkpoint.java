package org.onevisit.transparency.tlog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A C2SP tlog-checkpoint body: the origin line, the tree size in decimal and the root
 * hash in base64, each ending in a newline (no extension lines).
 */
public record Checkpoint(String origin, long size, byte[] root) {

	public Checkpoint {
		if (origin.isEmpty() || origin.contains("\n") || size < 0 || root.length != TreeHash.SIZE) {
			throw new IllegalArgumentException("not a checkpoint: " + origin + " " + size);
		}
		root = root.clone();
	}

	@Override
	public byte[] root() {
		return this.root.clone();
	}

	/** The note text, as signed. */
	public String body() {
		return this.origin + "\n" + this.size + "\n" + Base64.getEncoder().encodeToString(this.root) + "\n";
	}

	public byte[] bodyBytes() {
		return body().getBytes(StandardCharsets.UTF_8);
	}

	/** Reads a note text (the checkpoint's lines, extension lines ignored). */
	public static Checkpoint parse(String text) {
		String[] lines = text.split("\n", -1);
		if (lines.length < 4 || !text.endsWith("\n")) {
			throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash, each on a line");
		}
		if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
			throw new IllegalArgumentException("not a tree size: " + lines[1]);
		}
		byte[] root = Base64.getDecoder().decode(lines[2]);
		return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
	}

}
