package org.onevisit.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A YAML document shipped on the class path (the halls, the benefit policies, the data
 * elements), read as plain maps and lists: the safe constructor builds no other types.
 */
public final class ShippedYaml {

	private ShippedYaml() {
	}

	/** The document's top-level mapping; an unreadable resource fails the start. */
	public static Map<String, Object> read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
	}

}
