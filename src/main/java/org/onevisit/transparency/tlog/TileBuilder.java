package org.onevisit.transparency.tlog;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grows the right edge of a tiled tree leaf by leaf: appends each leaf hash to the
 * level-0 tile, and when a tile fills, its subtree hash to the tile above. What changed
 * is handed back to be stored (full tiles once, partial tiles replaced by longer ones).
 */
public final class TileBuilder {

	private long size;

	// the partial tile of each level, as its hashes concatenated
	private final List<ByteArrayOutputStream> edge = new ArrayList<>();

	private final Map<String, Tile> changed = new LinkedHashMap<>();

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
			ByteArrayOutputStream hashes = new ByteArrayOutputStream(Tiles.WIDTH * TreeHash.SIZE);
			if (width > 0) {
				byte[] stored = reader.tile(level, index, width);
				hashes.writeBytes(stored);
			}
			this.edge.add(hashes);
		}
	}

	public long size() {
		return this.size;
	}

	public void append(byte[] leafHash) {
		add(0, leafHash);
		this.size++;
	}

	private void add(int level, byte[] hash) {
		while (this.edge.size() <= level) {
			this.edge.add(new ByteArrayOutputStream(Tiles.WIDTH * TreeHash.SIZE));
		}
		ByteArrayOutputStream tile = this.edge.get(level);
		tile.writeBytes(hash);
		// the hashes at this level once the leaf being appended is counted, and the
		// tile the new one went into
		long count = (this.size + 1) >>> (Tiles.HEIGHT * level);
		long index = (count - 1) / Tiles.WIDTH;
		byte[] hashes = tile.toByteArray();
		this.changed.put(level + "/" + index, new Tile(level, index, hashes));
		if (hashes.length == Tiles.WIDTH * TreeHash.SIZE) {
			tile.reset();
			add(level + 1, subtree(hashes));
		}
	}

	/** The hash of the complete subtree whose 256 hashes a full tile holds. */
	static byte[] subtree(byte[] hashes) {
		byte[][] row = new byte[Tiles.WIDTH][];
		for (int i = 0; i < row.length; i++) {
			row[i] = new byte[TreeHash.SIZE];
			System.arraycopy(hashes, i * TreeHash.SIZE, row[i], 0, TreeHash.SIZE);
		}
		for (int n = row.length; n > 1; n /= 2) {
			for (int i = 0; i < n / 2; i++) {
				row[i] = TreeHash.node(row[2 * i], row[2 * i + 1]);
			}
		}
		return row[0];
	}

	/** The tiles changed since the last call, and forgets them. */
	public List<Tile> drainChanged() {
		List<Tile> tiles = new ArrayList<>(this.changed.values());
		this.changed.clear();
		return tiles;
	}

	/** The partial tile of that level as it stands now, or null. */
	public byte[] partial(int level) {
		return (level < this.edge.size()) ? this.edge.get(level).toByteArray() : null;
	}

}
