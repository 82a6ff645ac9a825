package org.onevisit.transparency.tlog;

import java.util.Arrays;

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

	// one digest per thread, reset by each doFinal: a new SM3Digest per hash was most of
	// what a proof allocated (its state and message schedule), and that garbage is what
	// made the slow proofs slow
	private static final ThreadLocal<SM3Digest> DIGESTS = ThreadLocal.withInitial(SM3Digest::new);

	private TreeHash() {
	}

	public static byte[] leaf(byte[] entry) {
		SM3Digest digest = DIGESTS.get();
		digest.update(LEAF);
		digest.update(entry, 0, entry.length);
		return finish(digest);
	}

	public static byte[] node(byte[] left, byte[] right) {
		byte[] out = new byte[SIZE];
		node(left, 0, right, 0, out, 0);
		return out;
	}

	/**
	 * The interior node of the hashes at those offsets, written at {@code outOffset}
	 * (which may be where the left one was read).
	 */
	static void node(byte[] left, int leftOffset, byte[] right, int rightOffset, byte[] out, int outOffset) {
		SM3Digest digest = DIGESTS.get();
		digest.update(NODE);
		digest.update(left, leftOffset, SIZE);
		digest.update(right, rightOffset, SIZE);
		digest.doFinal(out, outOffset);
	}

	/**
	 * MTH of the complete subtree over {@code count} (a power of two) consecutive hashes
	 * starting at hash {@code first} of {@code row}, reduced pairwise in {@code scratch}
	 * (at least {@code count * SIZE} bytes) without allocating anything else.
	 */
	static byte[] subtree(byte[] row, int first, int count, byte[] scratch) {
		System.arraycopy(row, first * SIZE, scratch, 0, count * SIZE);
		for (int n = count; n > 1; n /= 2) {
			for (int i = 0; i < n / 2; i++) {
				// hash i is written only after hashes 2i and 2i+1 were read
				node(scratch, 2 * i * SIZE, scratch, (2 * i + 1) * SIZE, scratch, i * SIZE);
			}
		}
		return Arrays.copyOf(scratch, SIZE);
	}

	/** The root of a tree without entries. */
	public static byte[] empty() {
		return finish(DIGESTS.get());
	}

	private static byte[] finish(SM3Digest digest) {
		byte[] out = new byte[SIZE];
		digest.doFinal(out, 0);
		return out;
	}

}
