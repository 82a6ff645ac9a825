package org.onevisit.exchange.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.onevisit.exchange.DataCatalogue;
import org.onevisit.exchange.Registry;
import org.onevisit.exchange.RegistryDirectory;
import org.onevisit.shared.SigningKey;
import org.onevisit.shared.VerifyingKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The registries' addresses and keys from the configuration, and the platform's own
 * exchange key, generated at first start into the data directory.
 */
@Component
class ConfiguredRegistries implements RegistryDirectory {

	private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

	private final SigningKey platformKey;

	ConfiguredRegistries(DataCatalogue catalogue, Environment environment,
			@Value("${onevisit.data-dir:./data}") Path dataDirectory) {
		this.platformKey = SigningKey.loadOrCreate(dataDirectory.resolve("keys/exchange/platform.key"));
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
	public VerifyingKey platformKey() {
		return this.platformKey.verifyingKey();
	}

	SigningKey signingKey() {
		return this.platformKey;
	}

}
