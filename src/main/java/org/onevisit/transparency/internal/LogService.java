package org.onevisit.transparency.internal;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onevisit.transparency.Inclusion;
import org.onevisit.transparency.LogEntry;
import org.onevisit.transparency.TransparencyLog;
import org.onevisit.transparency.tlog.Merkle;
import org.onevisit.transparency.tlog.TileCache;
import org.onevisit.transparency.tlog.Tiles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The log as the other modules and the public see it. */
@Service
class LogService implements TransparencyLog {

	private final LogTables tables;

	// tiles expanded by earlier proofs: a tile of a given width never changes. Only
	// the proofs use it; the tiles served, the sequencer and the verification read
	// the tables, so that a tile rewritten in the database is seen there
	private final TileCache proofTiles;

	LogService(LogTables tables, @Value("${onevisit.transparency.proof-tile-cache:2048}") int proofTileCache) {
		this.tables = tables;
		this.proofTiles = new TileCache(proofTileCache);
	}

	@Override
	public void record(List<LogEntry> entries) {
		if (!entries.isEmpty()) {
			this.tables.addPending(entries);
		}
	}

	/**
	 * Two statements, the checkpoint with its cosignatures and the entry with its index,
	 * and the tiles not yet in the proof cache.
	 */
	@Override
	public Optional<Inclusion> inclusion(String reference) {
		Optional<LogTables.Cosigned> checkpoint = this.tables.latestCosigned();
		if (checkpoint.isEmpty()) {
			return Optional.empty();
		}
		long size = checkpoint.get().checkpoint().size();
		return this.tables.first(reference)
			.filter((found) -> found.index() < size)
			.map((found) -> inclusion(found.index(), found.entry(), checkpoint.get()));
	}

	/** The inclusion proof of the entry at that index in the checkpoint's tree. */
	Inclusion inclusion(long index, LogTables.Cosigned checkpoint) {
		return inclusion(index, this.tables.entries(index, 1).get(0), checkpoint);
	}

	private Inclusion inclusion(long index, byte[] entry, LogTables.Cosigned checkpoint) {
		long size = checkpoint.checkpoint().size();
		List<byte[]> proof = Merkle.inclusionProof(index, size, proofTiles(size));
		return new Inclusion(index, base64(entry), size, proof.stream().map(LogService::base64).toList(),
				checkpoint.note());
	}

	/** The tree of that size's hashes for a proof. */
	Tiles proofTiles(long size) {
		return new Tiles(size, this.tables.tileReader(), this.proofTiles);
	}

	@Override
	public Map<String, Long> indexes(Collection<String> references) {
		return this.tables.indexes(references);
	}

	/** The newest checkpoint as a signed note with the witnesses' cosignatures. */
	Optional<String> checkpoint() {
		return this.tables.latestCosigned().map(LogTables.Cosigned::note);
	}

	/** A tile's hashes, or null when the tree has no such tile (yet). */
	byte[] tile(int level, long index, int width) {
		return this.tables.tile(level, index, width);
	}

	/** An entry bundle: each entry as a big-endian uint16 length and its bytes. */
	byte[] entryBundle(long index, int width) {
		List<byte[]> entries = this.tables.entries(index * Tiles.WIDTH, width);
		if (entries.size() != width) {
			return null;
		}
		ByteArrayOutputStream bundle = new ByteArrayOutputStream(width * 64);
		for (byte[] entry : entries) {
			bundle.write(entry.length >>> 8);
			bundle.write(entry.length & 0xFF);
			bundle.writeBytes(entry);
		}
		return bundle.toByteArray();
	}

	static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

}
