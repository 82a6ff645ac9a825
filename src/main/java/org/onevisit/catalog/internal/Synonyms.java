package org.onevisit.catalog.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.Resource;

/**
 * Citizens say 卖房 where the catalogue says 存量房转移登记. A rule adds the catalogue's words to
 * any query containing one of its phrases; the list is a data file administrators extend.
 */
final class Synonyms {

	record Rule(List<String> phrases, String expansion) {
	}

	private final List<Rule> rules;

	Synonyms(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	static Synonyms read(Resource resource) throws IOException {
		List<Rule> rules = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				String rule = line.replaceFirst("#.*", "").strip();
				if (rule.isEmpty()) {
					continue;
				}
				String[] sides = rule.split("=>");
				if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
					throw new IllegalStateException(
							resource.getFilename() + ":" + number + ": expected 'phrase, phrase => words'");
				}
				List<String> phrases = Arrays.stream(sides[0].split("[,，]"))
					.map(String::strip)
					.filter((p) -> !p.isEmpty())
					.toList();
				rules.add(new Rule(phrases, sides[1].strip()));
			}
		}
		return new Synonyms(rules);
	}

	/** The query with the catalogue's words for every phrase it contains. */
	String expand(String query) {
		Set<String> words = new LinkedHashSet<>();
		words.add(query);
		for (Rule rule : this.rules) {
			if (rule.phrases().stream().anyMatch(query::contains)) {
				words.add(rule.expansion());
			}
		}
		return String.join(" ", words);
	}

}
