package org.onevisit.transparency.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.onevisit.signing.KeyName;
import org.onevisit.signing.SigningKeys;
import org.onevisit.transparency.LogVerification;
import org.onevisit.transparency.LogVerification.Problem;
import org.onevisit.transparency.tlog.SignedNote;
import org.onevisit.transparency.tlog.Tiles;
import org.onevisit.transparency.tlog.TreeHash;

import org.springframework.stereotype.Component;

/**
 * OneVisit's own check of the log: reads every entry in order, rebuilds the tree (only
 * its right edge is kept, O(log n) hashes) and compares it with every signed checkpoint
 * and with the stored leaf hashes. A database superuser can rewrite entries, tiles and
 * the tree's row, but not sign: the first signed checkpoint the entries disagree with
 * names where the rewrite is.
 */
@Component
class LogVerifier {

	private final DataSource dataSource;

	private final LogTables tables;

	private final SigningKeys keys;

	private final Sequencer sequencer;

	LogVerifier(DataSource dataSource, LogTables tables, SigningKeys keys, Sequencer sequencer) {
		this.dataSource = dataSource;
		this.tables = tables;
		this.keys = keys;
		this.sequencer = sequencer;
	}

	LogVerification verify() {
		long started = System.nanoTime();
		List<LogTables.SignedCheckpoint> checkpoints = this.tables.checkpoints();
		Walk walk = new Walk();
		for (LogTables.SignedCheckpoint checkpoint : checkpoints) {
			if (!signedByTheLog(checkpoint)) {
				return walk.fail(checkpoint.size(), checkpoint.size(), checkpoint.size(), Problem.SIGNATURE_INVALID,
						started);
			}
		}
		int next = 0;
		// a checkpoint of the empty tree needs no entry
		while (next < checkpoints.size() && checkpoints.get(next).size() == 0) {
			next++;
		}
		long lastGood = 0;
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			// PostgreSQL streams a result only inside a transaction
			connection.setAutoCommit(false);
			try (PreparedStatement statement = connection
				.prepareStatement("select idx, entry from transparency_entry order by idx")) {
				statement.setFetchSize(10_000);
				try (ResultSet row = statement.executeQuery()) {
					byte[] storedTile = null;
					while (row.next()) {
						long index = row.getLong(1);
						if (index != walk.size) {
							return walk.fail(walk.size, index - 1, null, Problem.ENTRY_MISSING, started);
						}
						byte[] leaf = TreeHash.leaf(row.getBytes(2));
						if (index % Tiles.WIDTH == 0) {
							storedTile = this.tables.storedTile(0, index / Tiles.WIDTH);
						}
						int offset = (int) (index % Tiles.WIDTH) * TreeHash.SIZE;
						if (storedTile == null || storedTile.length < offset + TreeHash.SIZE
								|| !Arrays.equals(storedTile, offset, offset + TreeHash.SIZE, leaf, 0, TreeHash.SIZE)) {
							return walk.fail(index, index, null, Problem.ENTRY_ALTERED, started);
						}
						walk.append(leaf);
						while (next < checkpoints.size() && checkpoints.get(next).size() == walk.size) {
							LogTables.SignedCheckpoint checkpoint = checkpoints.get(next++);
							if (!Arrays.equals(walk.root(), checkpoint.root())) {
								return walk.fail(lastGood, checkpoint.size() - 1, checkpoint.size(),
										Problem.CHECKPOINT_MISMATCH, started);
							}
							lastGood = checkpoint.size();
							walk.checkpoints++;
						}
					}
				}
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the transparency log", ex);
		}
		if (next < checkpoints.size()) {
			LogTables.SignedCheckpoint beyond = checkpoints.get(next);
			return walk.fail(walk.size, beyond.size() - 1, beyond.size(), Problem.ENTRIES_REMOVED, started);
		}
		return walk.done(started);
	}

	private boolean signedByTheLog(LogTables.SignedCheckpoint checkpoint) {
		SignedNote note;
		try {
			note = SignedNote.parse(checkpoint.note());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		String origin = this.sequencer.origin();
		for (SigningKeys.PublishedKey key : this.keys.keys(KeyName.LOG)) {
			byte[] id = SignedNote.sm2KeyId(origin, HexFormat.of().parseHex(key.key().hex()));
			for (SignedNote.Signature signature : note.signatures()) {
				if (signature.isBy(origin, id)) {
					return key.key().verifies(note.text().getBytes(StandardCharsets.UTF_8), signature.signature());
				}
			}
		}
		return false;
	}

	/** The right edge of the tree being rebuilt: complete subtrees, largest first. */
	private static final class Walk {

		private final List<byte[]> hashes = new ArrayList<>();

		private final List<Integer> heights = new ArrayList<>();

		long size;

		long checkpoints;

		void append(byte[] leaf) {
			this.hashes.add(leaf);
			this.heights.add(0);
			int last = this.hashes.size() - 1;
			while (last > 0 && this.heights.get(last).equals(this.heights.get(last - 1))) {
				byte[] merged = TreeHash.node(this.hashes.get(last - 1), this.hashes.get(last));
				int height = this.heights.get(last) + 1;
				this.hashes.remove(last);
				this.heights.remove(last);
				this.hashes.set(last - 1, merged);
				this.heights.set(last - 1, height);
				last--;
			}
			this.size++;
		}

		byte[] root() {
			byte[] root = this.hashes.get(this.hashes.size() - 1);
			for (int i = this.hashes.size() - 2; i >= 0; i--) {
				root = TreeHash.node(this.hashes.get(i), root);
			}
			return root;
		}

		LogVerification fail(long firstBad, long lastBad, Long checkpoint, Problem problem, long started) {
			return new LogVerification(false, this.size, this.checkpoints, firstBad, lastBad, checkpoint, problem,
					Duration.ofNanos(System.nanoTime() - started));
		}

		LogVerification done(long started) {
			return new LogVerification(true, this.size, this.checkpoints, null, null, null, null,
					Duration.ofNanos(System.nanoTime() - started));
		}

	}

}
