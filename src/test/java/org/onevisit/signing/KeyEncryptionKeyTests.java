package org.onevisit.signing;

import org.junit.jupiter.api.Test;
import org.onevisit.shared.Sm4Gcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyEncryptionKeyTests {

	@Test
	void unwrapsAKeyOnlyUnderTheSameKeyAndPurpose() {
		KeyEncryptionKey kek = KeyEncryptionKey.generate();
		byte[] dataKey = Sm4Gcm.newKey();

		byte[] wrapped = kek.wrap(dataKey, "signing/licences");

		assertThat(kek.unwrap(wrapped, "signing/licences")).isEqualTo(dataKey);
		assertThat(KeyEncryptionKey.ofHex(kek.toHex()).unwrap(wrapped, "signing/licences")).isEqualTo(dataKey);
		assertThatThrownBy(() -> kek.unwrap(wrapped, "signing/payments")).isInstanceOf(Sm4Gcm.SealBroken.class);
		assertThatThrownBy(() -> KeyEncryptionKey.generate().unwrap(wrapped, "signing/licences"))
			.isInstanceOf(Sm4Gcm.SealBroken.class);
	}

}
