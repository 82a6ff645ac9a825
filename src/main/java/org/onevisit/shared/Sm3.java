package org.onevisit.shared;

import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905) hashes. */
public final class Sm3 {

	private Sm3() {
	}

	/** The hash of the parts, one after another. */
	public static byte[] hash(byte[]... parts) {
		SM3Digest digest = new SM3Digest();
		for (byte[] part : parts) {
			digest.update(part, 0, part.length);
		}
		byte[] out = new byte[32];
		digest.doFinal(out, 0);
		return out;
	}

	public static String hex(byte[]... parts) {
		return HexFormat.of().formatHex(hash(parts));
	}

}
