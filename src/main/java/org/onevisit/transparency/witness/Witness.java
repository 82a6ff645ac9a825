package org.onevisit.transparency.witness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.onevisit.shared.VerifyingKey;
import org.onevisit.transparency.tlog.Checkpoint;
import org.onevisit.transparency.tlog.Merkle;
import org.onevisit.transparency.tlog.SignedNote;
import org.onevisit.transparency.tlog.Tiles;
import org.onevisit.transparency.tlog.TreeHash;

/**
 * An outside witness of OneVisit's public log, runnable on another machine with the log's
 * URL and public key only (no Spring, no database): it polls the checkpoint, checks the
 * log's SM2 signature, checks that the log's tiles still give the root it accepted last
 * time and that the new checkpoint is consistent with it (RFC 9162 consistency proof from
 * the tiles), keeps a copy of every leaf hash it accepted so that it can name the first
 * entry that changed, and cosigns what it accepts (C2SP tlog-cosignature v1, Ed25519, as
 * that specification requires) by posting the cosigned checkpoint back to the log. Exits
 * 0 while the log behaves, 2 naming what it saw when the log forks, rewinds, shrinks or
 * rewrites an entry, 1 when it cannot reach or read the log.
 *
 * <pre>
 * java -cp onevisit.jar -Dloader.main=org.onevisit.transparency.witness.Witness \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --log https://onevisit.example --log-key 04ab... --origin onevisit.example/log \
 *   --name audit-office.example/witness --dir /var/lib/onevisit-witness [--once] [--interval PT10S]
 * </pre>
 */
public final class Witness {

	private final URI log;

	private final String origin;

	private final VerifyingKey logKey;

	private final String name;

	private final Path dir;

	private final Ed25519PrivateKeyParameters key;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/**
	 * @param log the log's base URL (its checkpoint is {@code <log>/log/checkpoint})
	 * @param logKeyHex the log key's uncompressed SM2 point, hex, as OneVisit publishes
	 * at {@code /api/v1/keys/log}
	 * @param dir where the witness keeps its key, its state and its copy of the leaf
	 * hashes; a key is made there on first start
	 */
	public Witness(URI log, String origin, String logKeyHex, String name, Path dir) {
		this.log = URI.create(log.toString().replaceAll("/+$", "") + "/");
		this.origin = origin;
		this.logKey = VerifyingKey.fromHex(logKeyHex);
		this.name = name;
		this.dir = dir;
		this.key = loadOrMakeKey(dir.resolve("witness.key"));
	}

	/** What one poll saw. */
	public record Outcome(boolean ok, long size, String message) {

		static Outcome fine(long size, String message) {
			return new Outcome(true, size, message);
		}

		static Outcome alarm(long size, String message) {
			return new Outcome(false, size, message);
		}

	}

	/** Thrown when the log cannot be reached or read; nothing is concluded. */
	public static final class Unreachable extends IllegalStateException {

		Unreachable(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** The witness's public key as a C2SP vkey, to register with the log. */
	public String vkey() {
		byte[] publicKey = this.key.generatePublicKey().getEncoded();
		byte[] typed = ByteBuffer.allocate(33).put(SignedNote.COSIGNATURE_V1).put(publicKey).array();
		return this.name + "+" + HexFormat.of().formatHex(SignedNote.cosignerKeyId(this.name, publicKey)) + "+"
				+ Base64.getEncoder().encodeToString(typed);
	}

	/** Checks the log once, and cosigns its checkpoint if all holds. */
	public Outcome poll() {
		SignedNote note = SignedNote.parse(get("log/checkpoint", String.class));
		Checkpoint checkpoint = Checkpoint.parse(note.text());
		if (!checkpoint.origin().equals(this.origin)) {
			return Outcome.alarm(checkpoint.size(), "the checkpoint names another log: " + checkpoint.origin());
		}
		byte[] keyId = SignedNote.sm2KeyId(this.origin, HexFormat.of().parseHex(this.logKey.hex()));
		boolean signed = note.signatures()
			.stream()
			.anyMatch((signature) -> signature.isBy(this.origin, keyId)
					&& this.logKey.verifies(note.text().getBytes(StandardCharsets.UTF_8), signature.signature()));
		if (!signed) {
			return Outcome.alarm(checkpoint.size(), "the checkpoint of " + checkpoint.size()
					+ " entries is not signed by the log's key: someone else's tree head");
		}
		State state = State.read(this.dir);
		if (checkpoint.size() < state.size) {
			return Outcome.alarm(checkpoint.size(),
					"the log rewound: its checkpoint now has " + checkpoint.size() + " entries, it had " + state.size
							+ "; entries " + checkpoint.size() + ".." + (state.size - 1) + " are no longer in its tree"
							+ firstChanged(state, checkpoint.size()));
		}
		if (state.size > 0) {
			byte[] rootNow;
			try {
				rootNow = Merkle.root(state.size, new Tiles(state.size, this::tile));
			}
			catch (IllegalStateException ex) {
				return Outcome.alarm(state.size, "the log no longer serves the tiles of the tree of " + state.size
						+ " entries it signed (" + ex.getMessage() + ")" + firstChanged(state, state.size));
			}
			if (!Arrays.equals(rootNow, state.root)) {
				return Outcome.alarm(state.size, "the log's tiles no longer give the root of the tree of " + state.size
						+ " entries it signed" + firstChanged(state, state.size));
			}
			if (checkpoint.size() == state.size && !Arrays.equals(checkpoint.root(), state.root)) {
				return Outcome.alarm(state.size,
						"the log forked: two signed checkpoints of " + state.size + " entries with different roots");
			}
			List<byte[]> proof = Merkle.consistencyProof(state.size, checkpoint.size(),
					new Tiles(checkpoint.size(), this::tile));
			if (!Merkle.verifyConsistency(state.size, checkpoint.size(), state.root, checkpoint.root(), proof)) {
				return Outcome.alarm(checkpoint.size(),
						"the checkpoint of " + checkpoint.size() + " entries does not extend the one of " + state.size
								+ " entries" + firstChanged(state, state.size));
			}
		}
		// the new leaves, kept to name a changed entry later; their root must be the
		// checkpoint's
		List<byte[]> added = new ArrayList<>();
		for (long index = state.size; index < checkpoint.size();) {
			long tile = index / Tiles.WIDTH;
			int width = Tiles.width(checkpoint.size(), 0, tile);
			byte[] hashes = tile(0, tile, width);
			for (long i = index; i < tile * Tiles.WIDTH + width; i++) {
				int offset = (int) (i - tile * Tiles.WIDTH) * TreeHash.SIZE;
				added.add(Arrays.copyOfRange(hashes, offset, offset + TreeHash.SIZE));
			}
			index = tile * Tiles.WIDTH + width;
		}
		State next = state.extended(added);
		if (!Arrays.equals(next.root(), checkpoint.root())) {
			return Outcome.alarm(checkpoint.size(),
					"the leaves the log serves do not give the root of its checkpoint of " + checkpoint.size());
		}
		next.write(this.dir, added);
		cosign(note, checkpoint);
		return Outcome.fine(checkpoint.size(), "accepted the checkpoint of " + checkpoint.size() + " entries");
	}

	/** The first leaf the log serves now that differs from the copy this witness kept. */
	private String firstChanged(State state, long upTo) {
		try (RandomAccessFile leaves = new RandomAccessFile(this.dir.resolve("leaves").toFile(), "r")) {
			byte[] kept = new byte[TreeHash.SIZE];
			for (long tile = 0; tile * Tiles.WIDTH < state.size; tile++) {
				int width = Tiles.width(state.size, 0, tile);
				byte[] now = tryTile(0, tile, width);
				for (int i = 0; i < width; i++) {
					long index = tile * Tiles.WIDTH + i;
					leaves.seek(index * TreeHash.SIZE);
					leaves.readFully(kept);
					if (now == null || now.length < (i + 1) * TreeHash.SIZE) {
						return "; the first entry the log no longer serves is " + index;
					}
					if (!Arrays.equals(now, i * TreeHash.SIZE, (i + 1) * TreeHash.SIZE, kept, 0, TreeHash.SIZE)) {
						return "; the first entry that changed is " + index;
					}
				}
			}
			return (upTo < state.size) ? "; the first entry no longer in the tree is " + upTo : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	private void cosign(SignedNote note, Checkpoint checkpoint) {
		long timestamp = Instant.now().getEpochSecond();
		Ed25519Signer signer = new Ed25519Signer();
		signer.init(true, this.key);
		byte[] message = SignedNote.cosignedMessage(timestamp, checkpoint.body());
		signer.update(message, 0, message.length);
		byte[] signature = ByteBuffer.allocate(72).putLong(timestamp).put(signer.generateSignature()).array();
		byte[] publicKey = this.key.generatePublicKey().getEncoded();
		SignedNote cosigned = new SignedNote(note.text(), List
			.of(new SignedNote.Signature(this.name, SignedNote.cosignerKeyId(this.name, publicKey), signature)));
		HttpRequest request = HttpRequest.newBuilder(this.log.resolve("api/v1/log/cosignatures"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "text/plain; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(cosigned.format()))
			.build();
		try {
			HttpResponse<String> answer = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() / 100 != 2) {
				System.err
					.println("the log did not take the cosignature: " + answer.statusCode() + " " + answer.body());
			}
		}
		catch (IOException ex) {
			System.err.println("could not post the cosignature: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private byte[] tile(int level, long index, int width) {
		byte[] hashes = tryTile(level, index, width);
		if (hashes == null) {
			throw new IllegalStateException("tile " + Tiles.path(level, index, width) + " is not served");
		}
		return hashes;
	}

	private byte[] tryTile(int level, long index, int width) {
		try {
			return get("log/" + Tiles.path(level, index, width), byte[].class);
		}
		catch (Unreachable ex) {
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private <T> T get(String path, Class<T> type) {
		HttpRequest request = HttpRequest.newBuilder(this.log.resolve(path)).timeout(Duration.ofSeconds(30)).build();
		try {
			if (type == String.class) {
				HttpResponse<String> answer = this.http.send(request,
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				if (answer.statusCode() != 200) {
					throw new Unreachable(path + " answered " + answer.statusCode(), null);
				}
				return (T) answer.body();
			}
			HttpResponse<byte[]> answer = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (answer.statusCode() != 200) {
				throw new Unreachable(path + " answered " + answer.statusCode(), null);
			}
			return (T) answer.body();
		}
		catch (IOException ex) {
			throw new Unreachable("cannot fetch " + path + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Unreachable("interrupted", ex);
		}
	}

	/**
	 * What the witness accepted last: the size and root, and the right edge of the tree
	 * (its complete subtrees, largest first), to extend it without reading every leaf.
	 */
	private record State(long size, byte[] root, List<byte[]> edge) {

		static State read(Path dir) {
			Path file = dir.resolve("state.properties");
			if (!Files.exists(file)) {
				return new State(0, TreeHash.empty(), List.of());
			}
			Properties properties = new Properties();
			try (InputStream in = Files.newInputStream(file)) {
				properties.load(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			List<byte[]> edge = new ArrayList<>();
			String kept = properties.getProperty("edge", "");
			for (String hash : kept.isEmpty() ? new String[0] : kept.split(",")) {
				edge.add(Base64.getDecoder().decode(hash));
			}
			return new State(Long.parseLong(properties.getProperty("size")),
					Base64.getDecoder().decode(properties.getProperty("root")), edge);
		}

		State extended(List<byte[]> leaves) {
			List<byte[]> hashes = new ArrayList<>(this.edge);
			List<Integer> heights = new ArrayList<>();
			for (int bit = 62; bit >= 0; bit--) {
				if ((this.size & (1L << bit)) != 0) {
					heights.add(bit);
				}
			}
			long size = this.size;
			for (byte[] leaf : leaves) {
				hashes.add(leaf);
				heights.add(0);
				int last = hashes.size() - 1;
				while (last > 0 && heights.get(last).equals(heights.get(last - 1))) {
					hashes.set(last - 1, TreeHash.node(hashes.get(last - 1), hashes.get(last)));
					heights.set(last - 1, heights.get(last) + 1);
					hashes.remove(last);
					heights.remove(last);
					last--;
				}
				size++;
			}
			byte[] root = TreeHash.empty();
			if (!hashes.isEmpty()) {
				root = hashes.get(hashes.size() - 1);
				for (int i = hashes.size() - 2; i >= 0; i--) {
					root = TreeHash.node(hashes.get(i), root);
				}
			}
			return new State(size, root, hashes);
		}

		void write(Path dir, List<byte[]> added) {
			try {
				Files.createDirectories(dir);
				// the leaves of the state before, then these: a poll cut short before
				// its state was written left nothing behind
				try (RandomAccessFile leaves = new RandomAccessFile(dir.resolve("leaves").toFile(), "rw")) {
					leaves.setLength((this.size - added.size()) * TreeHash.SIZE);
					leaves.seek(leaves.length());
					for (byte[] leaf : added) {
						leaves.write(leaf);
					}
				}
				Properties properties = new Properties();
				properties.setProperty("size", Long.toString(this.size));
				properties.setProperty("root", Base64.getEncoder().encodeToString(this.root));
				properties.setProperty("edge",
						String.join(",", this.edge.stream().map(Base64.getEncoder()::encodeToString).toList()));
				Path temporary = dir.resolve("state.properties.new");
				try (OutputStream out = Files.newOutputStream(temporary)) {
					properties.store(out, "what this witness accepted last");
				}
				Files.move(temporary, dir.resolve("state.properties"), StandardCopyOption.REPLACE_EXISTING,
						StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	private static Ed25519PrivateKeyParameters loadOrMakeKey(Path file) {
		try {
			if (Files.exists(file)) {
				return new Ed25519PrivateKeyParameters(HexFormat.of().parseHex(Files.readString(file).strip()), 0);
			}
			Files.createDirectories(file.getParent());
			Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
			Files.writeString(file, HexFormat.of().formatHex(key.getEncoded()) + "\n");
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void main(String[] args) throws InterruptedException {
		String log = null;
		String logKey = null;
		String origin = "onevisit.example/log";
		String name = null;
		String dir = "witness";
		boolean once = false;
		Duration interval = Duration.ofSeconds(10);
		boolean printKey = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--log" -> log = args[++i];
				case "--log-key" -> logKey = args[++i];
				case "--origin" -> origin = args[++i];
				case "--name" -> name = args[++i];
				case "--dir" -> dir = args[++i];
				case "--interval" -> interval = Duration.parse(args[++i]);
				case "--once" -> once = true;
				case "--print-vkey" -> printKey = true;
				default -> {
					System.err.println("unknown option " + args[i]);
					System.exit(64);
				}
			}
		}
		if (log == null || logKey == null || name == null) {
			System.err.println("usage: Witness --log <url> --log-key <hex> --name <witness name> [--origin <origin>]"
					+ " [--dir <state dir>] [--interval PT10S] [--once] [--print-vkey]");
			System.exit(64);
		}
		Witness witness = new Witness(URI.create(log), origin, logKey, name, Path.of(dir));
		if (printKey) {
			System.out.println(witness.vkey());
			return;
		}
		while (true) {
			try {
				Outcome outcome = witness.poll();
				System.out.println(Instant.now() + " " + outcome.message());
				if (!outcome.ok()) {
					System.exit(2);
				}
			}
			catch (Unreachable ex) {
				System.err.println(Instant.now() + " " + ex.getMessage());
				if (once) {
					System.exit(1);
				}
			}
			if (once) {
				return;
			}
			Thread.sleep(interval.toMillis());
		}
	}

}
