package org.onevisit.transparency;

import java.util.List;

/**
 * An entry's place in the log and the proof that the tree of a signed checkpoint includes
 * it.
 *
 * @param index the entry's index, from 0
 * @param entry the entry's bytes, base64
 * @param size the checkpoint's tree size
 * @param proof the RFC 9162 inclusion path, base64 hashes, from the leaf up
 * @param checkpoint the signed checkpoint (C2SP signed note), with its cosignatures
 */
public record Inclusion(long index, String entry, long size, List<String> proof, String checkpoint) {

	public Inclusion {
		proof = List.copyOf(proof);
	}

}
