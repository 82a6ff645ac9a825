package org.onevisit.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * The rules that keep every visible string in the message bundles: what a template may
 * not contain, and how the Chinese and English bundles must agree.
 */
final class TranslationRules {

	/**
	 * Attributes a person reads or hears (screen readers); they need {@code th:*}
	 * counterparts.
	 */
	static final Set<String> READABLE_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "value",
			"aria-description", "label");

	/**
	 * Thymeleaf attributes that replace an element's content, so its literal body never
	 * shows.
	 */
	static final Set<String> CONTENT_REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	// a key followed by '}' or '(': keys built at render time (#{a.__${x}__}) are checked
	// by their tests
	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");

	private TranslationRules() {
	}

	/**
	 * Literal text in a template that a visitor would see untranslated, one line per
	 * finding.
	 */
	static List<String> hardCodedText(String template, String html) {
		Document document = Jsoup.parse(html, "", Parser.xmlParser());
		List<String> findings = new ArrayList<>();
		for (Element element : document.getAllElements()) {
			if (isInsideReplacedContent(element) || element.nameIs("script") || element.nameIs("style")) {
				continue;
			}
			for (TextNode text : element.textNodes()) {
				if (LETTER.matcher(text.text()).find()) {
					findings.add(template + ": text '" + text.text().strip() + "' in <" + element.tagName() + ">");
				}
			}
			element.attributes().forEach((attribute) -> {
				String name = attribute.getKey();
				if (READABLE_ATTRIBUTES.contains(name) && LETTER.matcher(attribute.getValue()).find()
						&& !element.hasAttr("th:" + name) && !element.hasAttr("th:attr")) {
					findings.add(template + ": attribute " + name + "='" + attribute.getValue() + "' in <"
							+ element.tagName() + ">");
				}
			});
		}
		return findings;
	}

	/** Message keys a template asks for. */
	static Set<String> messageKeys(String html) {
		Set<String> keys = new TreeSet<>();
		Matcher matcher = MESSAGE_KEY.matcher(html);
		while (matcher.find()) {
			keys.add(matcher.group(1));
		}
		return keys;
	}

	/**
	 * Keys one bundle has that its twin lacks, and empty values, one line per finding.
	 */
	static List<String> disagreements(String bundle, Map<String, String> chinese, Map<String, String> english) {
		List<String> findings = new ArrayList<>();
		new TreeSet<>(chinese.keySet()).stream()
			.filter((key) -> !english.containsKey(key))
			.forEach((key) -> findings.add(bundle + "_en lacks " + key));
		new TreeSet<>(english.keySet()).stream()
			.filter((key) -> !chinese.containsKey(key))
			.forEach((key) -> findings.add(bundle + " (zh-CN) lacks " + key));
		chinese.forEach((key, value) -> {
			if (value.isBlank()) {
				findings.add(bundle + " (zh-CN) has an empty " + key);
			}
		});
		english.forEach((key, value) -> {
			if (value.isBlank()) {
				findings.add(bundle + "_en has an empty " + key);
			}
		});
		return findings;
	}

	private static boolean isInsideReplacedContent(Element element) {
		for (Element current = element; current != null; current = current.parent()) {
			for (String attribute : CONTENT_REPLACING) {
				if (current.hasAttr(attribute)) {
					return true;
				}
			}
		}
		return false;
	}

}
