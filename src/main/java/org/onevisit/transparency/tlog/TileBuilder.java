package org.onevisit.transparency.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Grows the right edge of a tiled tree leaf by leaf: appends each leaf hash to the
 * level-0 tile, and when a tile fills, its subtree hash to the tile above. What changed
 * is handed back to be stored (full tiles once, partial tiles replaced by longer ones).
 */
public final class TileBuilder {

	private long size;

	// the partial tile of each level (eight levels of 8 heights hold any long size): its
	// hashes and how many
	private final byte[][] edge = new byte[8][];

	private final int[] counts = new int[8];

	// full tiles completed since the last drain, and the levels whose partial tile grew
	private final List<Tile> completed = new ArrayList<>();

	private final BitSet grown = new BitSet();

	private final byte[] scratch = new byte[Tiles.WIDTH * TreeHash.SIZE];

	/** A tile to store: its level, index and hashes (full when 256 of them). */
	public record Tile(int level, long index, byte[] hashes) {

		public int width() {
			return this.hashes.length / TreeHash.SIZE;
		}

	}

	/**
	 * Starts from a tree of that size whose partial tiles the reader gives (the full ones
	 * are not needed to grow it).
	 */
	public TileBuilder(long size, Tiles.TileReader reader) {
		this.size = size;
		for (int level = 0; (size >>> (Tiles.HEIGHT * level)) > 0; level++) {
			long index = (size >>> (Tiles.HEIGHT * level)) / Tiles.WIDTH;
			int width = Tiles.width(size, level, index);
			this.edge[level] = new byte[Tiles.WIDTH * TreeHash.SIZE];
			if (width > 0) {
				byte[] stored = reader.tile(level, index, width);
				System.arraycopy(stored, 0, this.edge[level], 0, width * TreeHash.SIZE);
			}
			this.counts[level] = width;
		}
	}

	public long size() {
		return this.size;
	}

	public void append(byte[] leafHash) {
		add(0, leafHash);
		this.size++;
	}

	// a hash is copied into its tile once; a tile is copied out when it fills or is
	// drained, not at every append (which had copied up to 8 KB per leaf)
	private void add(int level, byte[] hash) {
		if (this.edge[level] == null) {
			this.edge[level] = new byte[Tiles.WIDTH * TreeHash.SIZE];
		}
		byte[] tile = this.edge[level];
		System.arraycopy(hash, 0, tile, this.counts[level] * TreeHash.SIZE, TreeHash.SIZE);
		this.counts[level]++;
		if (this.counts[level] == Tiles.WIDTH) {
			// the hashes at this level once the leaf being appended is counted
			long index = (((this.size + 1) >>> (Tiles.HEIGHT * level)) - 1) / Tiles.WIDTH;
			this.completed.add(new Tile(level, index, tile.clone()));
			this.counts[level] = 0;
			this.grown.clear(level);
			add(level + 1, TreeHash.subtree(tile, 0, Tiles.WIDTH, this.scratch));
		}
		else {
			this.grown.set(level);
		}
	}

	/** The tiles changed since the last call, and forgets them. */
	public List<Tile> drainChanged() {
		List<Tile> tiles = new ArrayList<>(this.completed);
		for (int level = this.grown.nextSetBit(0); level >= 0; level = this.grown.nextSetBit(level + 1)) {
			long index = (this.size >>> (Tiles.HEIGHT * level)) / Tiles.WIDTH;
			tiles.add(new Tile(level, index, Arrays.copyOf(this.edge[level], this.counts[level] * TreeHash.SIZE)));
		}
		this.completed.clear();
		this.grown.clear();
		return tiles;
	}

	/** The partial tile of that level as it stands now, or null. */
	public byte[] partial(int level) {
		return (level < this.edge.length && this.edge[level] != null)
				? Arrays.copyOf(this.edge[level], this.counts[level] * TreeHash.SIZE) : null;
	}

}
