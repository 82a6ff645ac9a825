package org.onevisit.catalog.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.onevisit.catalog.CatalogueInvalid;
import org.onevisit.catalog.CatalogueProblem;

import org.springframework.core.io.Resource;

/**
 * Citizens say 卖房 where the catalogue says 存量房转移登记. A rule adds the catalogue's words to
 * any query containing one of its phrases. The list is catalogue data: the shipped file
 * until an administrator saves a version of it (kept in {@code catalog_synonyms}).
 */
final class Synonyms {

	static final String FILE = "synonyms";

	record Rule(List<String> phrases, String expansion) {
	}

	private final List<Rule> rules;

	private final String text;

	private Synonyms(List<Rule> rules, String text) {
		this.rules = List.copyOf(rules);
		this.text = text;
	}

	static Synonyms read(Resource resource) throws IOException {
		return parse(new String(resource.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
	}

	/**
	 * The rules of a list as an administrator wrote it, phrases in simplified characters;
	 * refused whole, with the line of every malformed rule (its message a code the page
	 * words: malformed, too_long, empty).
	 */
	static Synonyms parse(String text) {
		List<Rule> rules = new ArrayList<>();
		List<CatalogueProblem> problems = new ArrayList<>();
		String[] lines = text.split("\\R", -1);
		for (int number = 1; number <= lines.length; number++) {
			String rule = lines[number - 1].replaceFirst("#.*", "").strip();
			if (rule.isEmpty()) {
				continue;
			}
			String[] sides = rule.split("=>", -1);
			if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
				problems.add(new CatalogueProblem(FILE, number, "rule", "malformed"));
				continue;
			}
			List<String> phrases = Arrays.stream(sides[0].split("[,\\uFF0C\\u3001]"))
				.map((phrase) -> ChineseText.normalised(phrase).strip())
				.filter((phrase) -> !phrase.isEmpty())
				.toList();
			if (phrases.stream().anyMatch((phrase) -> phrase.length() > 40)) {
				problems.add(new CatalogueProblem(FILE, number, "rule", "too_long"));
				continue;
			}
			rules.add(new Rule(phrases, ChineseText.normalised(sides[1]).strip()));
		}
		if (rules.isEmpty() && problems.isEmpty()) {
			problems.add(new CatalogueProblem(FILE, 1, "rule", "empty"));
		}
		if (!problems.isEmpty()) {
			throw new CatalogueInvalid(problems);
		}
		return new Synonyms(rules, text);
	}

	/** The list as written, for the administrators' page. */
	String text() {
		return this.text;
	}

	int size() {
		return this.rules.size();
	}

	/** Every phrase and word of the list, citizens' phrases first. */
	List<String> words() {
		Set<String> words = new LinkedHashSet<>();
		this.rules.forEach((rule) -> words.addAll(rule.phrases()));
		this.rules.forEach((rule) -> words.addAll(Arrays.asList(rule.expansion().split("\\s+"))));
		return List.copyOf(words);
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
