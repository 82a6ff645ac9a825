package org.onevisit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The scan for machine words on a page a person reads: a token that looks like an enum
 * constant ({@code IN_REVIEW}), a code ({@code old-age-allowance},
 * {@code population.identity}, {@code rid:…}), a property name ({@code sellerId}), a
 * message placeholder ({@code {0}}, {@code ??key??}) or a bare {@code true},
 * {@code false} or {@code null}. Each finding names the token and the page, so that a
 * failing test says where to look. What a page may legitimately show in capitals or with
 * a hyphen is in the allow-lists below, each with its reason; values a person typed or
 * coded identifiers (tracking numbers, credit codes) a test passes in per page.
 */
public final class PlainWords {

	/** Real abbreviations people read as words. */
	private static final Set<String> ABBREVIATIONS = Set.of("SMS", "API", "PDF", "QR", "ID", "URL", "PNG", "JPG",
			"JPEG", "CSV", "YAML", "JSON", "HTTP", "HTTPS", "SMTP", "TOTP", "OK", "FAQ", "PIN", "AM", "PM", "UTC",
			"CNY", "RMB", "GB", "MB", "KB", "OFD", "CA", "SM2", "IP", "EMS", "WCAG");

	/**
	 * English words written with a hyphen (the English pages): they look like a code to a
	 * pattern but are plain English.
	 */
	private static final Set<String> HYPHENATED_ENGLISH = Set.of("e-mail", "one-time", "pick-up", "co-owner", "walk-in",
			"walk-ins", "sign-in", "log-in", "check-in", "in-app", "self-service", "follow-up", "up-to-date",
			"two-step", "non-working", "working-day", "working-days", "re-submit", "re-upload", "on-site", "in-person",
			"re-enter", "hand-over", "hand-off", "set-up", "start-up", "old-age", "so-called", "off-line", "on-line",
			"year-end", "first-come", "first-served", "real-time", "built-in", "well-known", "long-term", "short-term",
			"full-time", "part-time", "non-resident", "sub-district", "pre-filled", "pre-fill", "pre-fills",
			"e-licence", "e-licences", "e-certificate", "high-school", "x-ray", "mid-day", "to-do", "co-owners",
			"face-to-face", "real-estate", "urban-rural", "one-thing", "co-ownership");

	/**
	 * The public codes of items (实施编码, as 339900-NR-002, or a test's 339900-CIVIL-T01)
	 * and credit codes: printed on guides and certificates for people to quote; and ids
	 * in what a person typed (another test's form values share the database).
	 */
	private static final Pattern CATALOGUE_CODE = Pattern.compile(
			"\\d{6}-[A-Z]+-[A-Z]?\\d{2,3}|\\b[0-9A-HJ-NPQRTUWXY]{18}\\b|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern ENUM = Pattern.compile("(?<![\\p{L}\\p{N}_])[A-Z][A-Z_]{2,}(?![\\p{L}\\p{N}_])");

	private static final Pattern CODE = Pattern
		.compile("(?<![\\p{L}\\p{N}@/])[a-z][a-z0-9]*(?:[-_.][a-z][a-z0-9]*)+(?![\\p{L}\\p{N}@])");

	private static final Pattern RESIDENT_TOKEN = Pattern.compile("rid:\\S*");

	private static final Pattern PROPERTY = Pattern
		.compile("(?<![\\p{L}\\p{N}_])[a-z]+[A-Z][A-Za-z]*(?![\\p{L}\\p{N}_])");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}|\\$\\{|#\\{|\\?\\?[^?\\s]+\\?\\?");

	// "the information I provide is true": the English words, after a verb
	private static final Pattern LITERAL = Pattern
		.compile("(?<!(?:is|are|was|were|be|been|not) )(?<![\\p{L}\\p{N}_])(true|false|null)(?![\\p{L}\\p{N}_])");

	private PlainWords() {
	}

	/** The text a person sees of an HTML page: its body, without scripts and styles. */
	public static String visibleText(String html) {
		Document page = Jsoup.parse(html);
		// code shown as code on purpose: the YAML an administrator edits, catalogue codes
		// in the administrator's lists, demo usernames to type
		page.select("script, style, template, noscript, [hidden], code").remove();
		// elements side by side are read apart (links in a row, cells)
		page.body().select("*").forEach((element) -> element.after(" "));
		return page.body().text();
	}

	/**
	 * The machine words in this text of this page, each as {@code "token" on page}; the
	 * allowed tokens (a person's own input, tracking numbers, credit codes) are skipped.
	 */
	public static List<String> findings(String page, String text, Set<String> allowed) {
		String withoutAllowed = CATALOGUE_CODE.matcher(text).replaceAll(" ");
		for (String token : allowed) {
			withoutAllowed = withoutAllowed.replace(token, " ");
		}
		String scanned = withoutAllowed;
		Set<String> found = new LinkedHashSet<>();
		collect(found, ENUM, scanned, (token) -> !ABBREVIATIONS.contains(token));
		collect(found, RESIDENT_TOKEN, scanned, (token) -> true);
		collect(found, CODE, scanned, (token) -> !HYPHENATED_ENGLISH.contains(token.toLowerCase())
				&& !token.matches("[a-z]{1,3}\\.") && !isAbbreviatedLatin(token));
		collect(found, PROPERTY, scanned, (token) -> true);
		collect(found, PLACEHOLDER, scanned, (token) -> true);
		collect(found, LITERAL, scanned, (token) -> true);
		List<String> findings = new ArrayList<>();
		found.forEach((token) -> findings.add("\"" + token + "\" on " + page + " … " + around(scanned, token)));
		return findings;
	}

	public static List<String> findings(String page, String text) {
		return findings(page, text, Set.of());
	}

	// "e.g", "i.e": Latin abbreviations in English sentences
	private static boolean isAbbreviatedLatin(String token) {
		return token.equals("e.g") || token.equals("i.e") || token.equals("etc");
	}

	private static void collect(Set<String> found, Pattern pattern, String text, Predicate<String> counts) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			String token = matcher.group();
			if (counts.test(token)) {
				found.add(token);
			}
		}
	}

	private static String around(String text, String token) {
		int at = text.indexOf(token);
		return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + token.length() + 40))
			.replace('\n', ' ');
	}

}
