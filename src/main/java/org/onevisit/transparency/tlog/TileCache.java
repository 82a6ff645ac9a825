package org.onevisit.transparency.tlog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tiles in their expanded form, kept across proofs: a tile's own hashes followed by every
 * complete subtree hash above them within the tile, row by row (a full tile's 256, 128,
 * …, 2: 510 hashes, 16 KB; the tile's own root is in the tile above). Keyed by level,
 * index and width, for a tile of a given width never changes. Bounded by a number of
 * tiles, the least recently used out first; safe for concurrent use. Plain Java, so that
 * a verifier elsewhere can use it too.
 */
public final class TileCache {

	private final Map<Key, byte[]> tiles;

	private record Key(int level, long index, int width) {
	}

	/** Keeps at most that many tiles (a full one expanded is 16 KB). */
	public TileCache(int capacity) {
		this.tiles = new LinkedHashMap<>(Math.min(capacity, 1 << 16) * 2, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
				return size() > capacity;
			}

		};
	}

	synchronized byte[] get(int level, long index, int width) {
		return this.tiles.get(new Key(level, index, width));
	}

	synchronized void put(int level, long index, int width, byte[] expanded) {
		this.tiles.put(new Key(level, index, width), expanded);
	}

	/** Tiles kept now. */
	public synchronized int size() {
		return this.tiles.size();
	}

	/**
	 * Where row {@code height} (its hashes at that height within the tile) begins, in
	 * hashes.
	 */
	static int rowStart(int width, int height) {
		int start = 0;
		for (int h = 0; h < height; h++) {
			start += width >>> h;
		}
		return start;
	}

	/**
	 * The tile's {@code width} hashes and, row by row, the hash of each complete pair of
	 * the row below, up to the tile's height.
	 */
	static byte[] expand(byte[] hashes, int width) {
		byte[] expanded = new byte[rowStart(width, Tiles.HEIGHT) * TreeHash.SIZE];
		System.arraycopy(hashes, 0, expanded, 0, width * TreeHash.SIZE);
		for (int h = 1; h < Tiles.HEIGHT; h++) {
			int below = rowStart(width, h - 1);
			int here = rowStart(width, h);
			for (int i = 0; i < (width >>> h); i++) {
				TreeHash.node(expanded, (below + 2 * i) * TreeHash.SIZE, expanded, (below + 2 * i + 1) * TreeHash.SIZE,
						expanded, (here + i) * TreeHash.SIZE);
			}
		}
		return expanded;
	}

}
