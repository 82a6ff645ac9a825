package org.onevisit.exchange.internal;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.onevisit.exchange.DataCatalogue;
import org.onevisit.exchange.Registry;
import org.onevisit.exchange.RegistryDirectory;
import org.onevisit.shared.VerifyingKey;
import org.onevisit.signing.KeyName;
import org.onevisit.signing.Signer;
import org.onevisit.signing.SigningKeys;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The registries' addresses and keys from the configuration, and the platform's own
 * exchange keys, held by the signing module.
 */
@Component
class ConfiguredRegistries implements RegistryDirectory {

	private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

	private final Signer signer;

	private final SigningKeys keys;

	ConfiguredRegistries(DataCatalogue catalogue, Environment environment, Signer signer, SigningKeys keys) {
		this.signer = signer;
		this.keys = keys;
		for (Registry registry : catalogue.registries()) {
			String prefix = "onevisit.exchange.registries." + registry.code() + ".";
			String url = environment.getProperty(prefix + "url");
			String key = environment.getProperty(prefix + "public-key");
			if (url != null && key != null) {
				connect(registry.code(), URI.create(url), VerifyingKey.fromHex(key));
			}
		}
	}

	@Override
	public void connect(String registry, URI url, VerifyingKey key) {
		this.endpoints.put(registry, new Endpoint(registry, url, key));
	}

	@Override
	public Optional<Endpoint> endpoint(String registry) {
		return Optional.ofNullable(this.endpoints.get(registry));
	}

	@Override
	public Optional<VerifyingKey> platformKey(String keyId) {
		return this.keys.key(KeyName.EXCHANGE, keyId);
	}

	/** The platform's signature of a request or an update, with its exchange key. */
	Signer.Signed sign(byte[] body) {
		return this.signer.sign(KeyName.EXCHANGE, body);
	}

}
