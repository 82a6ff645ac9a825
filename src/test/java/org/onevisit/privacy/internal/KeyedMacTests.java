package org.onevisit.privacy.internal;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.onevisit.shared.Sm4Gcm;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedMacTests {

	@Test
	void aReusedKeyedHmacGivesWhatAFreshOneGivesWhateverTheKeysBefore() {
		// three keys in turn: more than a thread keeps, so each is keyed again at times
		byte[][] keys = { Sm4Gcm.newKey(), Sm4Gcm.newKey(), Sm4Gcm.newKey() };
		int[] order = { 0, 0, 1, 0, 1, 2, 2, 0, 1, 2, 1, 1, 0 };
		for (int n = 0; n < order.length; n++) {
			byte[] key = keys[order[n]];
			byte[] first = ("resident-id:" + n).getBytes(StandardCharsets.UTF_8);
			byte[] second = "330102199001011234".repeat(n).getBytes(StandardCharsets.UTF_8);

			assertThat(SealedPersonalData.mac(key, first, second)).as("call %d", n)
				.isEqualTo(fresh(key, first, second));
		}
	}

	private static byte[] fresh(byte[] key, byte[] first, byte[] second) {
		HMac mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(key));
		mac.update(first, 0, first.length);
		mac.update(second, 0, second.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return out;
	}

}
