package org.onevisit.transparency.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.onevisit.shared.VerifyingKey;
import org.onevisit.signing.KeyName;
import org.onevisit.signing.Signer;
import org.onevisit.signing.SigningKeys;
import org.onevisit.transparency.tlog.Checkpoint;
import org.onevisit.transparency.tlog.Merkle;
import org.onevisit.transparency.tlog.SignedNote;
import org.onevisit.transparency.tlog.TileBuilder;
import org.onevisit.transparency.tlog.Tiles;
import org.onevisit.transparency.tlog.TreeHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves pending entries into the tree in batches and signs checkpoints. One node at a
 * time (a PostgreSQL advisory lock held for the batch's transaction): the others skip the
 * round. Before it signs a larger tree it proves the tree consistent with the last
 * checkpoint it signed, so that a tree rewritten in the database is never signed over.
 */
@Component
class Sequencer {

	private static final Logger log = LoggerFactory.getLogger(Sequencer.class);

	private final LogTables tables;

	private final TransactionTemplate transactions;

	private final Signer signer;

	private final SigningKeys keys;

	private final Clock clock;

	private final String origin;

	private final Duration checkpointInterval;

	private final int batchSize;

	private volatile String refusal;

	Sequencer(LogTables tables, PlatformTransactionManager transactionManager, Signer signer, SigningKeys keys,
			Clock clock, @Value("${onevisit.transparency.origin:onevisit.example/log}") String origin,
			@Value("${onevisit.transparency.checkpoint-interval:PT5S}") Duration checkpointInterval,
			@Value("${onevisit.transparency.batch-size:20000}") int batchSize) {
		this.tables = tables;
		this.transactions = new TransactionTemplate(transactionManager);
		this.signer = signer;
		this.keys = keys;
		this.clock = clock;
		this.origin = origin;
		this.checkpointInterval = checkpointInterval;
		this.batchSize = batchSize;
	}

	String origin() {
		return this.origin;
	}

	@Scheduled(fixedDelayString = "${onevisit.transparency.batch-interval:PT1S}", initialDelayString = "PT1S")
	void run() {
		try {
			int done;
			do {
				Integer sequenced = this.transactions.execute((status) -> sequenceBatch());
				done = (sequenced != null) ? sequenced : 0;
				// a checkpoint falls due while a backlog is worked off too: under a
				// steady
				// stream of full batches, signing only once the backlog was gone signed
				// nothing at all
				checkpointIfDue(false);
			}
			while (done == this.batchSize);
		}
		catch (RuntimeException ex) {
			log.error("Could not sequence the transparency log", ex);
		}
	}

	private int sequenceBatch() {
		if (!this.tables.lockSequencer()) {
			return 0;
		}
		List<LogTables.Pending> pending = this.tables.pending(this.batchSize);
		if (pending.isEmpty()) {
			return 0;
		}
		LogTables.Tree tree = this.tables.tree();
		TileBuilder builder = new TileBuilder(tree.size(), this.tables.tileReader());
		for (LogTables.Pending entry : pending) {
			builder.append(TreeHash.leaf(entry.entry()));
		}
		this.tables.moveIntoTree(tree.size(), pending);
		this.tables.saveTiles(builder.drainChanged());
		long size = builder.size();
		this.tables.saveTree(size, Merkle.root(size, new Tiles(size, this.tables.tileReader())), this.clock.instant());
		return pending.size();
	}

	/**
	 * Signs a checkpoint of the tree if it grew and the last checkpoint is older than the
	 * interval (or always, when forced): whether one was signed.
	 */
	boolean checkpointIfDue(boolean force) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			if (!this.tables.lockSequencer()) {
				return false;
			}
			LogTables.Tree tree = this.tables.tree();
			Optional<LogTables.SignedCheckpoint> last = this.tables.latestCheckpoint();
			Instant now = this.clock.instant();
			if (last.isPresent() && !extendsLastCheckpoint(last.get(), tree)) {
				return false;
			}
			if (last.isPresent() && (last.get().size() == tree.size()
					|| (!force && last.get().signedAt().plus(this.checkpointInterval).isAfter(now)))) {
				return false;
			}
			Checkpoint checkpoint = new Checkpoint(this.origin, tree.size(), tree.root());
			this.tables.addCheckpoint(tree.size(), tree.root(), now, sign(checkpoint).format());
			this.refusal = null;
			return true;
		}));
	}

	/** Whether the tree as stored extends the last signed one; logs loudly if not. */
	private boolean extendsLastCheckpoint(LogTables.SignedCheckpoint last, LogTables.Tree tree) {
		if (last.size() == tree.size() && Arrays.equals(last.root(), tree.root())) {
			return true;
		}
		try {
			Tiles tiles = new Tiles(tree.size(), this.tables.tileReader());
			List<byte[]> proof = (last.size() <= tree.size()) ? Merkle.consistencyProof(last.size(), tree.size(), tiles)
					: null;
			if (proof != null && Merkle.verifyConsistency(last.size(), tree.size(), last.root(), tree.root(), proof)) {
				return true;
			}
		}
		catch (RuntimeException ex) {
			log.error("The stored tree cannot prove itself consistent with checkpoint {}", last.size(), ex);
		}
		String problem = "the stored tree of " + tree.size() + " entries does not extend the signed checkpoint of "
				+ last.size() + " entries: nothing more is signed until the log is verified and restored";
		if (!problem.equals(this.refusal)) {
			log.error("Transparency log: {}", problem);
		}
		this.refusal = problem;
		return false;
	}

	/** Why the sequencer refuses to sign, or null. */
	String refusal() {
		return this.refusal;
	}

	SignedNote sign(Checkpoint checkpoint) {
		Signer.Signed signed = this.signer.sign(KeyName.LOG, checkpoint.bodyBytes());
		VerifyingKey key = this.keys.key(KeyName.LOG, signed.keyId()).orElseThrow();
		byte[] keyId = SignedNote.sm2KeyId(this.origin, HexFormat.of().parseHex(key.hex()));
		return new SignedNote(checkpoint.body(),
				List.of(new SignedNote.Signature(this.origin, keyId, signed.signature())));
	}

}
