package org.onevisit.transparency.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.onevisit.transparency.tlog.Merkle;
import org.onevisit.transparency.tlog.SignedNote;
import org.onevisit.transparency.tlog.TileBuilder;
import org.onevisit.transparency.tlog.Tiles;
import org.onevisit.transparency.tlog.TreeHash;
import org.onevisit.transparency.witness.Witness;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A witness key made for a test, HTTP reads of the log, and an attacker's rebuild of the
 * tree.
 */
final class LogFixtures {

	static final String WITNESS_NAME = "audit-office.example/witness";

	/** The log's origin line, as the checkpoints name it. */
	static final String ORIGIN = "onevisit.example/log";

	private LogFixtures() {
	}

	/**
	 * A witness the log is told of at start (its key is fixed: the log must know it
	 * then), keeping what it has seen in a directory of its own.
	 */
	record TestWitness(String name, String seedHex, Path directory) {

		TestWitness(String name, String seedHex) {
			this(name, seedHex, witnessDirectory(seedHex));
		}

		/**
		 * Tells the log of the witness, as {@code onevisit.transparency.witnesses} does.
		 */
		void register(DynamicPropertyRegistry registry) {
			registry.add("onevisit.transparency.witnesses", () -> vkey(this.name, this.seedHex));
		}

		/**
		 * The witness, polling the log at this port and trusting this key of the log's.
		 */
		Witness polling(int port, String logKeyHex) {
			return new Witness(URI.create("http://localhost:" + port), ORIGIN, logKeyHex, this.name, this.directory);
		}

	}

	/** A directory holding a witness key (a fixed one: the log must know it at start). */
	static Path witnessDirectory(String seedHex) {
		try {
			Path dir = Files.createTempDirectory("witness");
			Files.writeString(dir.resolve("witness.key"), seedHex + "\n");
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String vkey(String name, String seedHex) {
		byte[] publicKey = new Ed25519PrivateKeyParameters(HexFormat.of().parseHex(seedHex), 0).generatePublicKey()
			.getEncoded();
		return name + "+" + HexFormat.of().formatHex(SignedNote.cosignerKeyId(name, publicKey)) + "+"
				+ Base64.getEncoder()
					.encodeToString(ByteBuffer.allocate(33).put(SignedNote.COSIGNATURE_V1).put(publicKey).array());
	}

	static HttpResponse<byte[]> get(int port, String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
						HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Tiles as anyone reads them: over HTTP. */
	static Tiles.TileReader httpTiles(int port) {
		return (level, index, width) -> {
			HttpResponse<byte[]> answer = get(port, "/log/" + Tiles.path(level, index, width));
			return (answer.statusCode() == 200) ? answer.body() : null;
		};
	}

	/**
	 * What a database superuser who knows the formats can do after changing entries:
	 * rebuild every tile and the tree's row from the entries as they now stand. Run
	 * inside a transaction holding the sequencer's lock.
	 */
	static void rebuildTheTree(JdbcClient jdbc) {
		List<byte[]> entries = jdbc.sql("select entry from transparency_entry order by idx").query(byte[].class).list();
		Map<String, byte[]> tiles = new HashMap<>();
		TileBuilder builder = new TileBuilder(0,
				(level, index, width) -> Arrays.copyOf(tiles.get(level + "/" + index), width * TreeHash.SIZE));
		entries.forEach((entry) -> builder.append(TreeHash.leaf(entry)));
		jdbc.sql("delete from transparency_tile").update();
		for (TileBuilder.Tile tile : builder.drainChanged()) {
			tiles.put(tile.level() + "/" + tile.index(), tile.hashes());
			jdbc.sql("insert into transparency_tile (level, idx, hashes) values (:level, :index, :hashes)")
				.param("level", tile.level())
				.param("index", tile.index())
				.param("hashes", tile.hashes())
				.update();
		}
		long size = entries.size();
		byte[] root = Merkle.root(size, new Tiles(size,
				(level, index, width) -> Arrays.copyOf(tiles.get(level + "/" + index), width * TreeHash.SIZE)));
		jdbc.sql("update transparency_tree set size = :size, root = :root")
			.param("size", size)
			.param("root", root)
			.update();
	}

}
