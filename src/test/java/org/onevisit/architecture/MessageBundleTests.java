package org.onevisit.architecture;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every string a visitor reads comes from a message bundle, in Simplified Chinese (the
 * default bundle) and in English, and every key a template asks for exists in both.
 */
class MessageBundleTests {

	static final Path RESOURCES = Path.of("src/main/resources");

	@Test
	void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
		List<String> findings = new ArrayList<>();
		for (String bundle : bundleNames()) {
			findings.addAll(TranslationRules.disagreements(bundle, load(bundle + ".properties"),
					load(bundle + "_en.properties")));
		}

		assertThat(findings).isEmpty();
	}

	@Test
	void everyBundleIsConfiguredAndEveryConfiguredBundleExists() throws IOException {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new FileSystemResource(RESOURCES.resolve("application.yml")));
		Set<String> configured = new TreeSet<>(
				Arrays.asList(yaml.getObject().getProperty("spring.messages.basename").split("\\s*,\\s*")));

		assertThat(configured).isEqualTo(bundleNames());
	}

	@Test
	void templatesContainNoHardCodedText() throws IOException {
		List<String> findings = new ArrayList<>();
		for (Path template : templates()) {
			findings.addAll(TranslationRules.hardCodedText(RESOURCES.relativize(template).toString(),
					Files.readString(template)));
		}

		assertThat(findings).isEmpty();
	}

	@Test
	void everyKeyATemplateUsesExistsInBothLanguages() throws IOException {
		Map<String, String> chinese = new HashMap<>();
		Map<String, String> english = new HashMap<>();
		for (String bundle : bundleNames()) {
			chinese.putAll(load(bundle + ".properties"));
			english.putAll(load(bundle + "_en.properties"));
		}
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			for (String key : TranslationRules.messageKeys(Files.readString(template))) {
				if (!chinese.containsKey(key) || !english.containsKey(key)) {
					missing.add(RESOURCES.relativize(template) + " uses " + key);
				}
			}
		}

		assertThat(missing).isEmpty();
	}

	static Set<String> bundleNames() throws IOException {
		try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
			Set<String> names = new TreeSet<>();
			files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".properties"))
				.map((name) -> "i18n/" + name.replaceFirst("(_en)?\\.properties$", ""))
				.forEach(names::add);
			return names;
		}
	}

	static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
			return files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
		}
	}

	static Map<String, String> load(String file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(Files.newInputStream(RESOURCES.resolve(file)),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		Map<String, String> entries = new HashMap<>();
		properties.forEach((key, value) -> entries.put(key.toString(), value.toString()));
		return entries;
	}

}
