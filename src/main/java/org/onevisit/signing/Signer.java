package org.onevisit.signing;

import java.util.function.Function;

/**
 * Signs with OneVisit's own keys: SM2 with SM3 (GB/T 32918.2, default signer id), the DER
 * signature. Who holds the private key is this port's business: the software
 * implementation keeps it wrapped under the {@link KeyEncryptionKey}; a cryptographic
 * module (GM/T 0018 SDF) would keep it inside the device. Callers never see a private
 * key.
 */
public interface Signer {

	/** The signature of the content by the key that signs under that name now. */
	Signed sign(KeyName name, byte[] content);

	/**
	 * The signature of content that names the key signing it (a licence's proof carries
	 * its key id): the content is made for the key that will sign it, so that a rotation
	 * in between cannot make it name another key.
	 */
	Signed sign(KeyName name, Function<String, byte[]> contentNamingItsKey);

	/**
	 * A signature and the id of the key that made it.
	 *
	 * @param content the bytes signed, as made for that key
	 */
	record Signed(String keyId, byte[] signature, byte[] content) {
	}

}
