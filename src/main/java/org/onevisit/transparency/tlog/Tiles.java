package org.onevisit.transparency.tlog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The hashes of a tree of a given size read from C2SP tlog-tiles of height 8: a tile at
 * level L holds up to 256 consecutive hashes of complete subtrees of 256^L leaves; the
 * heights between are hashed up from them once per tile read, into the tile's
 * {@link TileCache expanded form}. Tiles read are kept for the life of this object (one
 * proof, one check), and across them in a {@link TileCache} when one is given; this
 * object is not thread-safe.
 */
public final class Tiles implements HashSource {

	/** Hashes in a full tile. */
	public static final int WIDTH = 256;

	/** Tree levels a tile spans. */
	public static final int HEIGHT = 8;

	private final long size;

	private final TileReader reader;

	private final TileCache cache;

	private final Map<Long, byte[]> read = new HashMap<>(8);

	public Tiles(long size, TileReader reader) {
		this(size, reader, null);
	}

	/**
	 * With the tiles expanded by earlier proofs: a tile of a given width never changes,
	 * and the few above level 0 are in nearly every proof.
	 */
	public Tiles(long size, TileReader reader, TileCache cache) {
		this.size = size;
		this.reader = reader;
		this.cache = cache;
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
		// at height `within` of its tile, the node is the n-th of that tile's row
		int row = WIDTH >>> within;
		long tile = index / row;
		int position = (int) (index % row);
		int width = width(this.size, level, tile);
		if (position >= (width >>> within)) {
			throw new IllegalArgumentException(
					"no hash " + index + " at height " + height + " in a tree of " + this.size);
		}
		byte[] expanded = expanded(level, tile, width);
		int at = (TileCache.rowStart(width, within) + position) * TreeHash.SIZE;
		return Arrays.copyOfRange(expanded, at, at + TreeHash.SIZE);
	}

	private byte[] expanded(int level, long tile, int width) {
		long key = ((long) level << 56) | tile;
		byte[] expanded = this.read.get(key);
		if (expanded != null) {
			return expanded;
		}
		if (this.cache != null) {
			expanded = this.cache.get(level, tile, width);
		}
		if (expanded == null) {
			byte[] hashes = this.reader.tile(level, tile, width);
			if (hashes == null || hashes.length != width * TreeHash.SIZE) {
				throw new IllegalStateException("tile " + path(level, tile, width) + " is missing or has "
						+ ((hashes != null) ? hashes.length : 0) + " bytes instead of " + width * TreeHash.SIZE);
			}
			expanded = TileCache.expand(hashes, width);
			if (this.cache != null) {
				this.cache.put(level, tile, width, expanded);
			}
		}
		this.read.put(key, expanded);
		return expanded;
	}

}
