package org.onevisit.transparency.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onevisit.transparency.Inclusion;
import org.onevisit.transparency.LogVerification;
import org.onevisit.transparency.TransparencyRefused;
import org.onevisit.transparency.tlog.Checkpoint;
import org.onevisit.transparency.tlog.Merkle;
import org.onevisit.transparency.tlog.SignedNote;
import org.onevisit.transparency.tlog.Tiles;

import org.springframework.stereotype.Component;

/** What the log's public endpoints answer: checkpoints, tiles, proofs, cosignatures. */
@Component
public class PublicLog {

	private static final Pattern TILE = Pattern.compile(
			"tile/(entries|[0-9]|[1-5][0-9]|6[0-3])/((?:x[0-9]{3}/)*)([0-9]{3})(?:\\.p/([1-9][0-9]?|1[0-9]{2}|2[0-4][0-9]|25[0-5]))?");

	private final LogService log;

	private final LogTables tables;

	private final Witnesses witnesses;

	private final LogVerifier verifier;

	PublicLog(LogService log, LogTables tables, Witnesses witnesses, LogVerifier verifier) {
		this.log = log;
		this.tables = tables;
		this.witnesses = witnesses;
		this.verifier = verifier;
	}

	/** The newest checkpoint as a signed note with the witnesses' cosignatures. */
	public Optional<String> checkpoint() {
		return this.log.checkpoint();
	}

	/**
	 * The newest checkpoint as a page shows it: its origin, size, root hash (base64) and
	 * signing time, and each registered witness's latest cosignature.
	 */
	public record Overview(String origin, long size, String root, Instant signedAt, List<Cosigned> witnesses) {
	}

	/** A witness's latest cosignature: the size it covers and when; nulls before any. */
	public record Cosigned(String name, Long size, Instant at) {
	}

	public Optional<Overview> overview() {
		return this.tables.latestCheckpoint().map((signed) -> {
			Checkpoint checkpoint = Checkpoint.parse(SignedNote.parse(signed.note()).text());
			List<Cosigned> witnesses = this.witnesses.latest()
				.stream()
				.map((witness) -> new Cosigned(witness.name(), witness.size(), witness.at()))
				.toList();
			return new Overview(checkpoint.origin(), signed.size(), LogService.base64(signed.root()), signed.signedAt(),
					witnesses);
		});
	}

	/**
	 * A tile or entry bundle by its path ({@code tile/0/x001/234.p/17}), or null when the
	 * path is not one or the tree has no such resource.
	 */
	public byte[] resource(String path) {
		Matcher matcher = TILE.matcher(path);
		if (!matcher.matches()) {
			return null;
		}
		long index = 0;
		for (String part : matcher.group(2).split("/")) {
			if (!part.isEmpty()) {
				index = index * 1000 + Integer.parseInt(part.substring(1));
			}
		}
		index = index * 1000 + Integer.parseInt(matcher.group(3));
		int width = (matcher.group(4) != null) ? Integer.parseInt(matcher.group(4)) : Tiles.WIDTH;
		if (matcher.group(1).equals("entries")) {
			return this.log.entryBundle(index, width);
		}
		return this.log.tile(Integer.parseInt(matcher.group(1)), index, width);
	}

	/**
	 * A proof as the API answers it: for an inclusion the entry's index and bytes, for a
	 * consistency the first tree's size; the hashes in base64, the second tree's
	 * checkpoint.
	 */
	public record Proof(Long index, long size, Long from, String entry, List<String> hashes, String checkpoint) {
	}

	/** The inclusion proof of an entry in the tree of a signed checkpoint. */
	public Proof inclusionProof(long index, Long size) {
		LogTables.Cosigned checkpoint = (size != null) ? signedOfSize(size)
				: this.tables.latestCosigned().orElseThrow(() -> TransparencyRefused.noCheckpointOfSize(0));
		long treeSize = checkpoint.checkpoint().size();
		if (index < 0 || index >= treeSize) {
			throw TransparencyRefused.indexOutOfRange(index, treeSize);
		}
		Inclusion inclusion = this.log.inclusion(index, checkpoint);
		return new Proof(index, treeSize, null, inclusion.entry(), inclusion.proof(), inclusion.checkpoint());
	}

	/** The consistency proof between the trees of two signed checkpoints. */
	public Proof consistencyProof(long from, long to) {
		if (from > to) {
			throw TransparencyRefused.sizesReversed(from, to);
		}
		LogTables.Cosigned second = signedOfSize(to);
		if (from != 0 && this.tables.checkpoint(from).isEmpty()) {
			throw TransparencyRefused.noCheckpointOfSize(from);
		}
		List<byte[]> proof = Merkle.consistencyProof(from, to, this.log.proofTiles(to));
		return new Proof(null, to, from, null, proof.stream().map(LogService::base64).toList(), second.note());
	}

	private LogTables.Cosigned signedOfSize(long size) {
		return this.tables.cosigned(size).orElseThrow(() -> TransparencyRefused.noCheckpointOfSize(size));
	}

	/**
	 * Keeps a registered witness's cosignature of a checkpoint: how many were accepted.
	 */
	public int acceptCosignature(String cosignedNote) {
		return this.witnesses.accept(cosignedNote);
	}

	/** Checks the whole log against every signed checkpoint. */
	public LogVerification verify() {
		return this.verifier.verify();
	}

}
