package org.onevisit.exchange;

import java.net.URI;
import java.util.Optional;

import org.onevisit.shared.VerifyingKey;

/**
 * Where each registry answers and the key it signs with: configured per registry
 * ({@code onevisit.exchange.registries.<code>.url} and {@code .public-key}), or connected
 * at start by the demo registries running in this process. Also the keys registries check
 * the platform's requests with.
 */
public interface RegistryDirectory {

	void connect(String registry, URI url, VerifyingKey key);

	Optional<Endpoint> endpoint(String registry);

	/**
	 * The platform's exchange key with that id: the one that signs now, or one rotated
	 * out that still verifies during the overlap.
	 */
	Optional<VerifyingKey> platformKey(String keyId);

	/** A registry's address and signing key. */
	record Endpoint(String registry, URI url, VerifyingKey key) {
	}

}
