package org.onevisit.transparency.tlog;

/**
 * Where the hashes of complete subtrees come from: stored tiles, tiles fetched over HTTP,
 * or leaves in memory.
 */
@FunctionalInterface
public interface HashSource {

	/**
	 * The hash of the complete subtree of height {@code height} that covers the leaves
	 * {@code [index * 2^height, (index + 1) * 2^height)}.
	 */
	byte[] node(int height, long index);

}
