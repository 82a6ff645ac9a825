package org.onevisit.transparency.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onevisit.shared.Sm3;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree hashing and proofs against RFC 9162 §2.1 computed independently here: the
 * definitional recursion MTH/PATH/PROOF over the eight leaves of the RFC 6962/9162 test
 * vectors (the Certificate Transparency reference inputs), with SM3 from BouncyCastle in
 * place of SHA-256.
 */
class MerkleTests {

	// the leaf inputs of the Certificate Transparency test vectors
	private static final List<byte[]> VECTOR_LEAVES = List.of(hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"),
			hex("40414243"), hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));

	@Test
	void hashesLeavesAndNodesWithDomainSeparatedSm3() {
		byte[] entry = hex("3031");

		assertThat(TreeHash.leaf(entry)).isEqualTo(sm3(hex("00"), entry));
		assertThat(TreeHash.node(sm3(hex("01")), sm3(hex("02"))))
			.isEqualTo(sm3(hex("01"), sm3(hex("01")), sm3(hex("02"))));
		assertThat(TreeHash.empty()).isEqualTo(sm3());
	}

	@Test
	void theRootOfEachPrefixOfTheTestVectorsIsTheDefinitionalOne() {
		for (int size = 0; size <= VECTOR_LEAVES.size(); size++) {
			List<byte[]> leaves = VECTOR_LEAVES.subList(0, size);

			assertThat(Merkle.root(size, inMemory(leaves))).as("root of %d", size).isEqualTo(mth(leaves));
		}
	}

	@Test
	void inclusionProofsAreTheDefinitionalPathsAndVerify() {
		for (int size = 1; size <= VECTOR_LEAVES.size(); size++) {
			List<byte[]> leaves = VECTOR_LEAVES.subList(0, size);
			byte[] root = mth(leaves);
			for (int index = 0; index < size; index++) {
				List<byte[]> proof = Merkle.inclusionProof(index, size, inMemory(leaves));

				assertThat(proof).usingElementComparator(Arrays::compare)
					.containsExactlyElementsOf(path(index, leaves));
				assertThat(Merkle.verifyInclusion(index, size, leafHash(leaves.get(index)), proof, root)).isTrue();
				assertThat(Merkle.verifyInclusion(index, size, leafHash(hex("ff")), proof, root)).isFalse();
				if (size > 1) {
					assertThat(
							Merkle.verifyInclusion((index + 1) % size, size, leafHash(leaves.get(index)), proof, root))
						.isFalse();
				}
			}
		}
	}

	@Test
	void consistencyProofsAreTheDefinitionalOnesAndVerify() {
		for (int second = 1; second <= VECTOR_LEAVES.size(); second++) {
			List<byte[]> leaves = VECTOR_LEAVES.subList(0, second);
			for (int first = 1; first <= second; first++) {
				byte[] firstRoot = mth(leaves.subList(0, first));
				List<byte[]> proof = Merkle.consistencyProof(first, second, inMemory(leaves));

				assertThat(proof).usingElementComparator(Arrays::compare)
					.containsExactlyElementsOf((first == second) ? List.of() : subproof(first, leaves, true));
				assertThat(Merkle.verifyConsistency(first, second, firstRoot, mth(leaves), proof)).isTrue();
				if (first < second) {
					byte[] otherRoot = mth(replaced(leaves.subList(0, first), first - 1));
					assertThat(Merkle.verifyConsistency(first, second, otherRoot, mth(leaves), proof))
						.as("a rewritten prefix of %d in %d", first, second)
						.isFalse();
				}
			}
		}
	}

	@Test
	void tilesBuiltLeafByLeafGiveTheSameRootsAndProofsAsTheLeaves() {
		List<byte[]> leaves = new ArrayList<>();
		for (int i = 0; i < 70_000; i++) {
			leaves.add(("entry " + i).getBytes());
		}
		Map<String, byte[]> stored = new HashMap<>();
		Tiles.TileReader reader = (level, index, width) -> Arrays.copyOf(stored.get(level + "/" + index),
				width * TreeHash.SIZE);
		TileBuilder builder = new TileBuilder(0, reader);
		for (int i = 0; i < leaves.size(); i++) {
			builder.append(TreeHash.leaf(leaves.get(i)));
			// resume from what is stored now and then, as the sequencer does each batch
			if (i % 9_999 == 0) {
				builder.drainChanged().forEach((tile) -> stored.put(tile.level() + "/" + tile.index(), tile.hashes()));
				builder = new TileBuilder(i + 1, reader);
			}
		}
		builder.drainChanged().forEach((tile) -> stored.put(tile.level() + "/" + tile.index(), tile.hashes()));
		HashSource direct = inMemoryHashes(leaves.stream().map(TreeHash::leaf).toList());
		// shared by the proofs of every size, as the product's proofs share one (a tile
		// is kept by its width: one size's partial tiles are not taken for another's),
		// and smaller than the tiles read, so that some are dropped and read again
		TileCache cache = new TileCache(8);

		for (long size : new long[] { 1, 255, 256, 257, 65_535, 65_536, 65_537, 70_000 }) {
			byte[] root = Merkle.root(size, direct);
			assertThat(Merkle.root(size, new Tiles(size, reader))).as("root of %d", size).isEqualTo(root);
			long index = size / 3;
			List<byte[]> proof = Merkle.inclusionProof(index, size, new Tiles(size, reader));
			assertThat(Merkle.verifyInclusion(index, size, TreeHash.leaf(leaves.get((int) index)), proof, root))
				.isTrue();
			for (long other : new long[] { 0, size - 1, index }) {
				assertThat(Merkle.inclusionProof(other, size, new Tiles(size, reader, cache)))
					.as("proof of %d in %d through the cache", other, size)
					.usingElementComparator(Arrays::compare)
					.containsExactlyElementsOf(Merkle.inclusionProof(other, size, direct));
			}
			assertThat(Merkle.verifyConsistency(size / 2 + 1, size, Merkle.root(size / 2 + 1, direct), root,
					Merkle.consistencyProof(size / 2 + 1, size, new Tiles(size, reader))))
				.isTrue();
		}
		assertThat(cache.size()).isEqualTo(8);
		assertThat(stored).containsKeys("0/273", "1/0", "1/1", "2/0");
		assertThat(stored.get("0/273")).hasSize(112 * TreeHash.SIZE);
		assertThat(stored.get("1/1")).hasSize(17 * TreeHash.SIZE);
		assertThat(stored.get("2/0")).hasSize(TreeHash.SIZE);
	}

	@Test
	void eachCompleteSubtreeWithinATileIsHashedAsTheDefinitionSays() {
		List<byte[]> leaves = new ArrayList<>();
		byte[] row = new byte[Tiles.WIDTH * TreeHash.SIZE];
		for (int i = 0; i < Tiles.WIDTH; i++) {
			leaves.add(("leaf " + i).getBytes());
			System.arraycopy(leafHash(leaves.get(i)), 0, row, i * TreeHash.SIZE, TreeHash.SIZE);
		}
		byte[] scratch = new byte[Tiles.WIDTH * TreeHash.SIZE];

		for (int count = 1; count <= Tiles.WIDTH; count *= 2) {
			for (int first = 0; first < Tiles.WIDTH; first += count) {
				assertThat(TreeHash.subtree(row, first, count, scratch)).as("%d hashes from %d", count, first)
					.isEqualTo(mth(leaves.subList(first, first + count)));
			}
		}
		// the row it was given is left as it was
		assertThat(Arrays.copyOfRange(row, 5 * TreeHash.SIZE, 6 * TreeHash.SIZE)).isEqualTo(leafHash(leaves.get(5)));
	}

	@Test
	void theSameEntriesTwiceGiveTheSameRoot() {
		List<byte[]> leaves = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			leaves.add(("same " + i).getBytes());
		}

		byte[] once = built(leaves);
		byte[] twice = built(leaves);

		assertThat(once).isEqualTo(twice).isEqualTo(mth(leaves));
	}

	@Test
	void namesTilesAsTheSpecificationDoes() {
		assertThat(Tiles.encodeIndex(1_234_067)).isEqualTo("x001/x234/067");
		assertThat(Tiles.path(0, 5, 256)).isEqualTo("tile/0/005");
		assertThat(Tiles.path(1, 1_000, 17)).isEqualTo("tile/1/x001/000.p/17");
		assertThat(Tiles.width(70_000, 0, 273)).isEqualTo(112);
		assertThat(Tiles.width(70_000, 2, 0)).isEqualTo(1);
		assertThat(Tiles.width(256, 1, 0)).isEqualTo(1);
	}

	private static byte[] built(List<byte[]> leaves) {
		Map<String, byte[]> stored = new HashMap<>();
		Tiles.TileReader reader = (level, index, width) -> Arrays.copyOf(stored.get(level + "/" + index),
				width * TreeHash.SIZE);
		TileBuilder builder = new TileBuilder(0, reader);
		leaves.forEach((leaf) -> builder.append(TreeHash.leaf(leaf)));
		builder.drainChanged().forEach((tile) -> stored.put(tile.level() + "/" + tile.index(), tile.hashes()));
		return Merkle.root(leaves.size(), new Tiles(leaves.size(), reader));
	}

	// the definitions of RFC 9162 §2.1.1, 2.1.3.1 and 2.1.4.1, written out again

	private static byte[] mth(List<byte[]> leaves) {
		int n = leaves.size();
		if (n == 0) {
			return sm3();
		}
		if (n == 1) {
			return leafHash(leaves.get(0));
		}
		int k = largestPowerOfTwoBelow(n);
		return sm3(hex("01"), mth(leaves.subList(0, k)), mth(leaves.subList(k, n)));
	}

	private static List<byte[]> path(int m, List<byte[]> leaves) {
		int n = leaves.size();
		List<byte[]> path = new ArrayList<>();
		if (n == 1) {
			return path;
		}
		int k = largestPowerOfTwoBelow(n);
		if (m < k) {
			path.addAll(path(m, leaves.subList(0, k)));
			path.add(mth(leaves.subList(k, n)));
		}
		else {
			path.addAll(path(m - k, leaves.subList(k, n)));
			path.add(mth(leaves.subList(0, k)));
		}
		return path;
	}

	private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean b) {
		int n = leaves.size();
		List<byte[]> proof = new ArrayList<>();
		if (m == n) {
			if (!b) {
				proof.add(mth(leaves));
			}
			return proof;
		}
		int k = largestPowerOfTwoBelow(n);
		if (m <= k) {
			proof.addAll(subproof(m, leaves.subList(0, k), b));
			proof.add(mth(leaves.subList(k, n)));
		}
		else {
			proof.addAll(subproof(m - k, leaves.subList(k, n), false));
			proof.add(mth(leaves.subList(0, k)));
		}
		return proof;
	}

	private static int largestPowerOfTwoBelow(int n) {
		int k = 1;
		while (k * 2 < n) {
			k *= 2;
		}
		return k;
	}

	private static List<byte[]> replaced(List<byte[]> leaves, int at) {
		List<byte[]> copy = new ArrayList<>(leaves);
		copy.set(at, hex("deadbeef"));
		return copy;
	}

	private static HashSource inMemory(List<byte[]> leaves) {
		return inMemoryHashes(leaves.stream().map(MerkleTests::leafHash).toList());
	}

	private static HashSource inMemoryHashes(List<byte[]> leafHashes) {
		Map<Long, byte[]> memo = new HashMap<>();
		return new HashSource() {
			@Override
			public byte[] node(int height, long index) {
				if (height == 0) {
					return leafHashes.get((int) index);
				}
				long key = ((long) height << 56) | index;
				byte[] known = memo.get(key);
				if (known == null) {
					known = sm3(hex("01"), node(height - 1, 2 * index), node(height - 1, 2 * index + 1));
					memo.put(key, known);
				}
				return known;
			}
		};
	}

	private static byte[] leafHash(byte[] leaf) {
		return sm3(hex("00"), leaf);
	}

	private static byte[] sm3(byte[]... parts) {
		return Sm3.hash(parts);
	}

	private static byte[] hex(String hex) {
		return HexFormat.of().parseHex(hex);
	}

}
