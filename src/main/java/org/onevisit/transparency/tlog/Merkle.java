package org.onevisit.transparency.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merkle tree heads, inclusion and consistency proofs of RFC 9162 §2.1, over any
 * {@link HashSource}: the definitions of §2.1.1–2.1.4 and the verification algorithms of
 * §2.1.3.2 and §2.1.4.2, with {@link TreeHash}.
 */
public final class Merkle {

	private Merkle() {
	}

	/** MTH(D[0:size]). */
	public static byte[] root(long size, HashSource hashes) {
		return (size == 0) ? TreeHash.empty() : range(0, size, hashes);
	}

	/**
	 * MTH(D[from:to]) where {@code from} is a multiple of the largest power of two below
	 * {@code to - from}, as every range the RFC's recursion visits is.
	 */
	static byte[] range(long from, long to, HashSource hashes) {
		long n = to - from;
		if (Long.bitCount(n) == 1) {
			int height = Long.numberOfTrailingZeros(n);
			return hashes.node(height, from >>> height);
		}
		long k = Long.highestOneBit(n - 1);
		return TreeHash.node(range(from, from + k, hashes), range(from + k, to, hashes));
	}

	/** PATH(index, D[0:size]) of RFC 9162 §2.1.3.1. */
	public static List<byte[]> inclusionProof(long index, long size, HashSource hashes) {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("entry " + index + " is not in a tree of " + size);
		}
		List<byte[]> proof = new ArrayList<>();
		path(index, 0, size, hashes, proof);
		return proof;
	}

	private static void path(long index, long from, long to, HashSource hashes, List<byte[]> proof) {
		long n = to - from;
		if (n <= 1) {
			return;
		}
		long k = Long.highestOneBit(n - 1);
		if (index < from + k) {
			path(index, from, from + k, hashes, proof);
			proof.add(range(from + k, to, hashes));
		}
		else {
			path(index, from + k, to, hashes, proof);
			proof.add(range(from, from + k, hashes));
		}
	}

	/** PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1. */
	public static List<byte[]> consistencyProof(long first, long second, HashSource hashes) {
		if (first < 0 || first > second) {
			throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
		}
		List<byte[]> proof = new ArrayList<>();
		if (first > 0 && first < second) {
			subproof(first, 0, second, true, hashes, proof);
		}
		return proof;
	}

	private static void subproof(long m, long from, long to, boolean complete, HashSource hashes, List<byte[]> proof) {
		long n = to - from;
		if (m == n) {
			if (!complete) {
				proof.add(range(from, to, hashes));
			}
			return;
		}
		long k = Long.highestOneBit(n - 1);
		if (m <= k) {
			subproof(m, from, from + k, complete, hashes, proof);
			proof.add(range(from + k, to, hashes));
		}
		else {
			subproof(m - k, from + k, to, false, hashes, proof);
			proof.add(range(from, from + k, hashes));
		}
	}

	/**
	 * RFC 9162 §2.1.3.2: whether the leaf hash is at that index of the tree with that
	 * root.
	 */
	public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
		if (index < 0 || index >= size) {
			return false;
		}
		Walk walk = new Walk(index, size - 1);
		byte[] r = leafHash;
		for (byte[] p : proof) {
			if (walk.sn == 0) {
				return false;
			}
			if (walk.fromTheLeft()) {
				r = TreeHash.node(p, r);
				walk.pastLeftChildren();
			}
			else {
				r = TreeHash.node(r, p);
			}
			walk.up();
		}
		return walk.sn == 0 && Arrays.equals(r, root);
	}

	/**
	 * RFC 9162 §2.1.4.2: whether the tree of {@code second} entries with the second root
	 * extends the tree of {@code first} entries with the first root.
	 */
	public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
			List<byte[]> proof) {
		if (first < 0 || first > second) {
			return false;
		}
		if (first == second) {
			return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
		}
		if (first == 0) {
			// the empty tree is a prefix of every tree
			return proof.isEmpty();
		}
		List<byte[]> path = new ArrayList<>(proof);
		if (Long.bitCount(first) == 1) {
			path.add(0, firstRoot);
		}
		if (path.isEmpty()) {
			return false;
		}
		Walk walk = new Walk(first - 1, second - 1);
		while ((walk.fn & 1) == 1) {
			walk.up();
		}
		byte[] fr = path.get(0);
		byte[] sr = path.get(0);
		for (byte[] c : path.subList(1, path.size())) {
			if (walk.sn == 0) {
				return false;
			}
			if (walk.fromTheLeft()) {
				fr = TreeHash.node(c, fr);
				sr = TreeHash.node(c, sr);
				walk.pastLeftChildren();
			}
			else {
				sr = TreeHash.node(sr, c);
			}
			walk.up();
		}
		return walk.sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
	}

	/**
	 * The two indexes both verification algorithms of RFC 9162 walk up the tree with,
	 * {@code fn} and {@code sn}, and the steps they take.
	 */
	private static final class Walk {

		long fn;

		long sn;

		Walk(long fn, long sn) {
			this.fn = fn;
			this.sn = sn;
		}

		/**
		 * The RFC's test: LSB(fn) set or fn equal to sn, the next node is on the left.
		 */
		boolean fromTheLeft() {
			return (this.fn & 1) == 1 || this.fn == this.sn;
		}

		/**
		 * While LSB(fn) is not set and fn is not 0, right-shift both fn and sn equally.
		 */
		void pastLeftChildren() {
			while ((this.fn & 1) == 0 && this.fn != 0) {
				up();
			}
		}

		/** Right-shift both fn and sn one time. */
		void up() {
			this.fn >>>= 1;
			this.sn >>>= 1;
		}

	}

}
