package org.onevisit.transparency.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.signing.KeyName;
import org.onevisit.transparency.Inclusion;
import org.onevisit.transparency.LogEntry;
import org.onevisit.transparency.tlog.Checkpoint;
import org.onevisit.transparency.tlog.Merkle;
import org.onevisit.transparency.tlog.SignedNote;
import org.onevisit.transparency.tlog.Tiles;
import org.onevisit.transparency.tlog.TreeHash;
import org.onevisit.transparency.witness.Witness;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public log end to end over HTTP: entries written in a transaction reach a signed
 * checkpoint, the tiles and bundles give its root, the proofs verify with the RFC's
 * algorithms, and a registered witness's cosignature is shown beside the checkpoint.
 */
class TransparencyLogTests extends LogOverHttp {

	private static final LogFixtures.TestWitness WITNESS = new LogFixtures.TestWitness(LogFixtures.WITNESS_NAME,
			"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

	@DynamicPropertySource
	static void witnesses(DynamicPropertyRegistry registry) {
		WITNESS.register(registry);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void entriesOfATransactionReachASignedCheckpointWhoseTilesAndProofsVerify() {
		String run = UUID.randomUUID().toString();
		List<LogEntry> entries = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			entries.add(LogEntry.catalogueChanged("item", run, i, "publish", Instant.now()));
		}
		// the same act recorded again, later: its reference names the first
		entries.add(entries.get(150));
		this.transactions.executeWithoutResult((status) -> this.log.record(entries));

		String reference = entries.get(150).reference();
		SignedNote note = awaitCheckpointCoveringAll();
		Checkpoint checkpoint = Checkpoint.parse(note.text());
		long index = this.log.indexes(List.of(reference)).get(reference);
		Inclusion inclusion = this.log.inclusion(reference).orElseThrow();
		Checkpoint proved = Checkpoint.parse(SignedNote.parse(inclusion.checkpoint()).text());

		assertThat(checkpoint.origin()).isEqualTo("onevisit.example/log");
		assertThat(signedByTheLogKey(note)).isTrue();
		assertThat(
				Merkle.root(checkpoint.size(), new Tiles(checkpoint.size(), LogFixtures.httpTiles(this.server.port()))))
			.as("the root the served tiles give")
			.isEqualTo(checkpoint.root());
		JsonNode proof = getJson("/api/v1/log/proofs/inclusion?index=" + index + "&size=" + checkpoint.size());
		byte[] entry = Base64.getDecoder().decode(proof.path("entry").asString());
		assertThat(LogEntry.decode(entry).reference()).isEqualTo(reference);
		assertThat(Merkle.verifyInclusion(index, checkpoint.size(), TreeHash.leaf(entry), hashes(proof),
				checkpoint.root()))
			.isTrue();
		assertThat(Merkle.verifyInclusion(index, checkpoint.size(), TreeHash.leaf(entries.get(151).encode()),
				hashes(proof), checkpoint.root()))
			.isFalse();
		byte[] bundle = LogFixtures
			.get(this.server.port(),
					"/log/" + Tiles.entriesPath(index / 256, Tiles.width(checkpoint.size(), 0, index / 256)))
			.body();
		assertThat(entryAt(bundle, (int) (index % 256))).isEqualTo(entry);
		assertThat(this.jdbc.sql("select count(*) from transparency_entry where reference = :reference")
			.param("reference", reference)
			.query(Long.class)
			.single()).as("the act and its record again").isEqualTo(2);
		assertThat(inclusion.index()).as("the reference's first entry").isEqualTo(index);
		assertThat(Base64.getDecoder().decode(inclusion.entry())).isEqualTo(entry);
		assertThat(Merkle.verifyInclusion(index, proved.size(), TreeHash.leaf(entry), decoded(inclusion.proof()),
				proved.root()))
			.isTrue();
		assertThat(this.log.inclusion("catalogue/item/" + UUID.randomUUID() + "/1")).isEmpty();
	}

	@Test
	void consecutiveCheckpointsAreProvedConsistentAndAWitnessCosignsThem() {
		Witness witness = WITNESS.polling(this.server.port(), logKeyHex());
		this.transactions.executeWithoutResult((status) -> this.log
			.record(LogEntry.catalogueChanged("bundle", UUID.randomUUID().toString(), 1, "publish", Instant.now())));
		SignedNote first = awaitCheckpointCoveringAll();
		Witness.Outcome accepted = witness.poll();
		assertThat(accepted.ok()).as(accepted.message()).isTrue();
		String reference = "catalogue/bundle/" + UUID.randomUUID() + "/1";
		this.transactions.executeWithoutResult((status) -> this.log
			.record(new LogEntry(LogEntry.Kind.CATALOGUE_CHANGED, Instant.now(), List.of(reference, "publish"))));
		SignedNote later = awaitCheckpointCovering(reference);

		Checkpoint one = Checkpoint.parse(first.text());
		Checkpoint two = Checkpoint.parse(later.text());
		JsonNode proof = getJson("/api/v1/log/proofs/consistency?from=" + one.size() + "&to=" + two.size());
		assertThat(Merkle.verifyConsistency(one.size(), two.size(), one.root(), two.root(), hashes(proof))).isTrue();
		Witness.Outcome again = witness.poll();
		assertThat(again.ok()).as(again.message()).isTrue();
		String served = new String(LogFixtures.get(this.server.port(), "/log/checkpoint").body(),
				StandardCharsets.UTF_8);
		assertThat(SignedNote.parse(served).signatures()).extracting(SignedNote.Signature::name)
			.contains("onevisit.example/log", LogFixtures.WITNESS_NAME);
		// as a licence's check and 我的数据 ask for it: the checkpoint with its cosignature
		Inclusion inclusion = this.log.inclusion(reference).orElseThrow();
		SignedNote proved = SignedNote.parse(inclusion.checkpoint());
		assertThat(proved.signatures()).extracting(SignedNote.Signature::name)
			.contains("onevisit.example/log", LogFixtures.WITNESS_NAME);
		byte[] entry = Base64.getDecoder().decode(inclusion.entry());
		assertThat(LogEntry.decode(entry).reference()).isEqualTo(reference);
		assertThat(Merkle.verifyInclusion(inclusion.index(), inclusion.size(), TreeHash.leaf(entry),
				decoded(inclusion.proof()), Checkpoint.parse(proved.text()).root()))
			.isTrue();
	}

	@Test
	void refusesACosignatureFromAnUnregisteredWitnessAndProofsOfUnsignedSizes() {
		SignedNote checkpoint = awaitCheckpointCoveringAll();
		Witness unregistered = new LogFixtures.TestWitness("stranger.example/witness",
				"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")
			.polling(this.server.port(), logKeyHex());
		OneVisitHttp http = this.server.http();

		String text = checkpoint.text();
		var refused = http.post("/api/v1/log/cosignatures", "text/plain", text + "\n\u2014 x AAAAAAAA\n");
		var unknownSize = http.get("/api/v1/log/proofs/inclusion?index=0&size=" + Long.MAX_VALUE);

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("log_cosignature_rejected");
		assertThat(unknownSize.statusCode()).isEqualTo(404);
		assertThat(unknownSize.body()).contains("log_checkpoint_unknown");
		assertThat(unregistered.poll().ok()).as("the stranger's own check still holds").isTrue();
		String served = new String(LogFixtures.get(this.server.port(), "/log/checkpoint").body(),
				StandardCharsets.UTF_8);
		assertThat(served).doesNotContain("stranger.example");
	}

	@Test
	void aRolledBackTransactionLeavesNothingInTheLogAndTheCataloguePublishedAtStartIsInIt() {
		String reference = "catalogue/item/" + UUID.randomUUID() + "/1";
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.log.record(
						new LogEntry(LogEntry.Kind.CATALOGUE_CHANGED, Instant.now(), List.of(reference, "publish")));
				status.setRollbackOnly();
			});
		}
		catch (RuntimeException ignored) {
			// rolled back, as intended
		}
		awaitCheckpointCoveringAll();

		assertThat(this.log.indexes(List.of(reference))).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from transparency_entry where reference like 'catalogue/item/%'")
			.query(Long.class)
			.single()).as("the demo catalogue's items, published at start").isPositive();
	}

	private SignedNote awaitCheckpointCovering(String reference) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			Long index = this.log.indexes(List.of(reference)).get(reference);
			SignedNote note = (index != null) ? servedCheckpoint() : null;
			if (note != null && Checkpoint.parse(note.text()).size() > index) {
				return note;
			}
			pause();
		}
		throw new AssertionError("no checkpoint covered " + reference + " within 30 s");
	}

	private SignedNote awaitCheckpointCoveringAll() {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			long pending = this.jdbc.sql("select count(*) from transparency_pending").query(Long.class).single();
			long size = this.jdbc.sql("select size from transparency_tree").query(Long.class).single();
			SignedNote note = servedCheckpoint();
			if (pending == 0 && note != null && Checkpoint.parse(note.text()).size() == size) {
				return note;
			}
			pause();
		}
		throw new AssertionError("the log did not settle within 30 s");
	}

	private boolean signedByTheLogKey(SignedNote note) {
		byte[] keyId = SignedNote.sm2KeyId("onevisit.example/log", HexFormat.of().parseHex(logKeyHex()));
		return note.signatures()
			.stream()
			.anyMatch((signature) -> signature.isBy("onevisit.example/log", keyId) && this.keys.keys(KeyName.LOG)
				.get(0)
				.key()
				.verifies(note.text().getBytes(StandardCharsets.UTF_8), signature.signature()));
	}

	private String logKeyHex() {
		JsonNode keys = getJson("/api/v1/keys/log");
		return keys.get(0).path("publicKeyHex").asString();
	}

	private JsonNode getJson(String path) {
		var answer = LogFixtures.get(this.server.port(), path);
		assertThat(answer.statusCode()).as(path).isEqualTo(200);
		return this.json.readTree(new String(answer.body(), StandardCharsets.UTF_8));
	}

	private static List<byte[]> hashes(JsonNode proof) {
		List<byte[]> hashes = new ArrayList<>();
		proof.path("hashes").forEach((hash) -> hashes.add(Base64.getDecoder().decode(hash.asString())));
		return hashes;
	}

	private static List<byte[]> decoded(List<String> hashes) {
		return hashes.stream().map(Base64.getDecoder()::decode).toList();
	}

	private static byte[] entryAt(byte[] bundle, int position) {
		int offset = 0;
		for (int i = 0; i < position; i++) {
			offset += 2 + (((bundle[offset] & 0xFF) << 8) | (bundle[offset + 1] & 0xFF));
		}
		int length = ((bundle[offset] & 0xFF) << 8) | (bundle[offset + 1] & 0xFF);
		byte[] entry = new byte[length];
		System.arraycopy(bundle, offset + 2, entry, 0, length);
		return entry;
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
