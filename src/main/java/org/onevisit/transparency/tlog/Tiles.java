package org.onevisit.transparency.tlog;

import java.util.HashMap;
import java.util.Map;

/**
 * The hashes of a tree of a given size read from C2SP tlog-tiles of height 8: a tile at
 * level L holds up to 256 consecutive hashes of complete subtrees of 256^L leaves; the
 * heights between are hashed up from the level below. Tiles read are kept for the life of
 * this object (one proof, one check).
 */
public final class Tiles implements HashSource {

	/** Hashes in a full tile. */
	public static final int WIDTH = 256;

	/** Tree levels a tile spans. */
	public static final int HEIGHT = 8;

	private final long size;

	private final TileReader reader;

	private final Map<String, byte[]> read = new HashMap<>();

	private final Map<Long, byte[]> computed = new HashMap<>();

	public Tiles(long size, TileReader reader) {
		this.size = size;
		this.reader = reader;
	}

	/** Reads one tile. */
	@FunctionalInterface
	public interface TileReader {

		/**
		 * The first {@code width} hashes of the tile, concatenated ({@code width * 32}
		 * bytes).
		 */
		byte[] tile(int level, long index, int width);

	}

	/**
	 * The width of that tile in a tree of that size: 256 for a full tile, less for the
	 * partial one at the right edge, 0 for none.
	 */
	public static int width(long size, int level, long index) {
		long hashes = size >>> (HEIGHT * level);
		long full = hashes / WIDTH;
		if (index < full) {
			return WIDTH;
		}
		return (index == full) ? (int) (hashes % WIDTH) : 0;
	}

	/** The path of a tile, {@code tile/<L>/<N>[.p/<W>]}, per C2SP tlog-tiles. */
	public static String path(int level, long index, int width) {
		return "tile/" + level + "/" + encodeIndex(index) + ((width < WIDTH) ? ".p/" + width : "");
	}

	/** The entry bundle's path, {@code tile/entries/<N>[.p/<W>]}. */
	public static String entriesPath(long index, int width) {
		return "tile/entries/" + encodeIndex(index) + ((width < WIDTH) ? ".p/" + width : "");
	}

	/**
	 * Zero-padded 3-digit elements, all but the last prefixed with x: 1234067 →
	 * x001/x234/067.
	 */
	public static String encodeIndex(long index) {
		StringBuilder path = new StringBuilder(String.format("%03d", index % 1000));
		for (long rest = index / 1000; rest > 0; rest /= 1000) {
			path.insert(0, String.format("x%03d/", rest % 1000));
		}
		return path.toString();
	}

	@Override
	public byte[] node(int height, long index) {
		int level = height / HEIGHT;
		int within = height % HEIGHT;
		if (within == 0) {
			return hashAt(level, index);
		}
		long key = ((long) height << 56) | index;
		byte[] known = this.computed.get(key);
		if (known == null) {
			known = TreeHash.node(node(height - 1, 2 * index), node(height - 1, 2 * index + 1));
			this.computed.put(key, known);
		}
		return known;
	}

	private byte[] hashAt(int level, long position) {
		long tile = position / WIDTH;
		int width = width(this.size, level, tile);
		int offset = (int) (position % WIDTH);
		if (offset >= width) {
			throw new IllegalArgumentException(
					"no hash " + position + " at level " + level + " in a tree of " + this.size);
		}
		byte[] hashes = this.read.computeIfAbsent(level + "/" + tile, (key) -> {
			byte[] got = this.reader.tile(level, tile, width);
			if (got == null || got.length != width * TreeHash.SIZE) {
				throw new IllegalStateException("tile " + path(level, tile, width) + " is missing or has "
						+ ((got != null) ? got.length : 0) + " bytes instead of " + width * TreeHash.SIZE);
			}
			return got;
		});
		byte[] hash = new byte[TreeHash.SIZE];
		System.arraycopy(hashes, offset * TreeHash.SIZE, hash, 0, TreeHash.SIZE);
		return hash;
	}

}
