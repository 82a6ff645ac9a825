package org.onevisit.transparency.tlog;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * RFC 9162 §2.1.1 tree hashing with SM3 (GB/T 32905) in place of SHA-256: a leaf hashes
 * to SM3(0x00 || entry), an interior node to SM3(0x01 || left || right), the empty tree
 * to SM3 of nothing.
 */
public final class TreeHash {

	/** Bytes of a hash. */
	public static final int SIZE = 32;

	private static final byte LEAF = 0x00;

	private static final byte NODE = 0x01;

	private TreeHash() {
	}

	public static byte[] leaf(byte[] entry) {
		SM3Digest digest = new SM3Digest();
		digest.update(LEAF);
		digest.update(entry, 0, entry.length);
		return finish(digest);
	}

	public static byte[] node(byte[] left, byte[] right) {
		SM3Digest digest = new SM3Digest();
		digest.update(NODE);
		digest.update(left, 0, SIZE);
		digest.update(right, 0, SIZE);
		return finish(digest);
	}

	/** The root of a tree without entries. */
	public static byte[] empty() {
		return finish(new SM3Digest());
	}

	private static byte[] finish(SM3Digest digest) {
		byte[] out = new byte[SIZE];
		digest.doFinal(out, 0);
		return out;
	}

}
