package org.onevisit.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The catalogue's words by their sound: what a citizen means by {@code maifang},
 * {@code kgs} or 结昏登记 (昏 and 婚 are both hun). Built from the names, keywords and synonym
 * phrases of one revision; a query is turned back into the catalogue's own words, which
 * the index then searches.
 */
final class PinyinLexicon {

	/** Phrases longer than this are whole names, never typed in pinyin. */
	private static final int LONGEST = 12;

	/**
	 * Initials such as {@code mf} stand for many phrases; the first few added are kept.
	 */
	private static final int PHRASES_PER_KEY = 6;

	/** Readings of one phrase indexed at most (characters with several readings). */
	private static final int SPELLINGS = 4;

	private final NavigableMap<String, Set<String>> byPinyin = new TreeMap<>();

	private final Map<String, Set<String>> byInitials = new HashMap<>();

	private final Map<String, Set<String>> bySound = new HashMap<>();

	private int longestKey;

	/** The phrases in order of how telling they are: citizens' words first. */
	PinyinLexicon(Collection<String> phrases) {
		for (String phrase : phrases) {
			add(ChineseText.normalised(phrase).strip());
		}
	}

	private void add(String phrase) {
		if (phrase.length() < 2 || phrase.length() > LONGEST || !phrase.codePoints().allMatch(ChineseText::isHan)) {
			return;
		}
		for (List<String> syllables : spellings(phrase)) {
			String pinyin = String.join("", syllables);
			StringBuilder initials = new StringBuilder();
			List<String> sounds = new ArrayList<>();
			for (String syllable : syllables) {
				initials.append(syllable.charAt(0));
				sounds.add(ChineseText.fuzzy(syllable));
			}
			put(this.byPinyin, pinyin, phrase);
			put(this.byInitials, initials.toString(), phrase);
			put(this.bySound, String.join("|", sounds), phrase);
			this.longestKey = Math.max(this.longestKey, pinyin.length());
		}
	}

	/** The phrase's ways of being read, a few at most, the most common first. */
	private static List<List<String>> spellings(String phrase) {
		List<List<String>> spellings = new ArrayList<>();
		spellings.add(List.of());
		for (int c : phrase.codePoints().toArray()) {
			List<String> readings = ChineseText.readings(c);
			if (readings.isEmpty()) {
				return List.of();
			}
			List<List<String>> longer = new ArrayList<>();
			for (List<String> spelling : spellings) {
				for (String reading : readings) {
					if (longer.size() < SPELLINGS) {
						List<String> next = new ArrayList<>(spelling);
						next.add(reading);
						longer.add(next);
					}
				}
			}
			spellings = longer;
		}
		return spellings;
	}

	private static void put(Map<String, Set<String>> map, String key, String phrase) {
		Set<String> phrases = map.computeIfAbsent(key, (k) -> new LinkedHashSet<>());
		if (phrases.size() < PHRASES_PER_KEY) {
			phrases.add(phrase);
		}
	}

	/**
	 * The catalogue's phrases that sound like parts of a Chinese query, longest first
	 * from the left, compared with fuzzy pinyin: 结昏登记 gives 结婚登记 or 结婚 and 登记.
	 */
	List<String> soundingLike(String text) {
		List<String> syllables = ChineseText.syllables(text);
		List<String> sounds = syllables.stream().map(ChineseText::fuzzy).toList();
		Set<String> found = new LinkedHashSet<>();
		int i = 0;
		while (i < sounds.size()) {
			int matched = 0;
			for (int length = Math.min(LONGEST, sounds.size() - i); length >= 2 && matched == 0; length--) {
				Set<String> phrases = this.bySound.get(String.join("|", sounds.subList(i, i + length)));
				if (phrases != null) {
					found.addAll(phrases);
					matched = length;
				}
			}
			i += Math.max(1, matched);
		}
		return List.copyOf(found);
	}

	/**
	 * The phrases a query in pinyin or initials spells ({@code maifang},
	 * {@code kai gong si}, {@code kgs}): the fewest known words covering the whole query;
	 * failing that, the words it begins (a query typed halfway), then the words one or
	 * two letters away.
	 */
	List<String> spelledAs(String latin) {
		String letters = latin.replaceAll("[^a-z]", "");
		if (letters.length() < 2) {
			return List.of();
		}
		List<String> covering = covering(letters);
		if (!covering.isEmpty()) {
			return covering;
		}
		if (letters.length() >= 4) {
			Set<String> begun = new LinkedHashSet<>();
			for (Set<String> phrases : this.byPinyin.subMap(letters, letters + Character.MAX_VALUE).values()) {
				begun.addAll(phrases);
				if (begun.size() >= PHRASES_PER_KEY) {
					break;
				}
			}
			if (!begun.isEmpty()) {
				return List.copyOf(begun);
			}
		}
		return nearest(letters);
	}

	private List<String> covering(String letters) {
		int n = letters.length();
		// fewest words covering letters[0, i); ties go to pinyin over initials
		int[] words = new int[n + 1];
		int[] from = new int[n + 1];
		Set<String>[] chosen = newSets(n + 1);
		Arrays.fill(words, Integer.MAX_VALUE);
		words[0] = 0;
		int reach = Math.max(this.longestKey, LONGEST);
		for (int end = 1; end <= n; end++) {
			for (int start = Math.max(0, end - reach); start < end; start++) {
				if (words[start] == Integer.MAX_VALUE || words[start] + 1 >= words[end]) {
					continue;
				}
				String part = letters.substring(start, end);
				Set<String> phrases = this.byPinyin.get(part);
				if (phrases == null) {
					phrases = this.byInitials.get(part);
				}
				if (phrases != null) {
					words[end] = words[start] + 1;
					from[end] = start;
					chosen[end] = phrases;
				}
			}
		}
		if (words[n] == Integer.MAX_VALUE) {
			return List.of();
		}
		List<String> phrases = new ArrayList<>();
		for (int end = n; end > 0; end = from[end]) {
			phrases.addAll(0, chosen[end]);
		}
		return phrases;
	}

	@SuppressWarnings("unchecked")
	private static Set<String>[] newSets(int size) {
		return (Set<String>[]) new Set<?>[size];
	}

	private List<String> nearest(String letters) {
		int allowed = (letters.length() >= 8) ? 2 : (letters.length() >= 4) ? 1 : 0;
		if (allowed == 0) {
			return List.of();
		}
		Set<String> nearest = new LinkedHashSet<>();
		int best = allowed + 1;
		for (Map.Entry<String, Set<String>> entry : this.byPinyin.entrySet()) {
			String key = entry.getKey();
			if (Math.abs(key.length() - letters.length()) >= best) {
				continue;
			}
			int distance = distance(key, letters, best);
			if (distance < best) {
				best = distance;
				nearest.clear();
			}
			if (distance <= allowed && distance == best && nearest.size() < PHRASES_PER_KEY) {
				nearest.addAll(entry.getValue());
			}
		}
		return List.copyOf(nearest);
	}

	/**
	 * Edits between two spellings, a swap of neighbouring letters counting as one
	 * ({@code maifagn}); given up past {@code limit}.
	 */
	private static int distance(String a, String b, int limit) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			int smallest = Integer.MAX_VALUE;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
				smallest = Math.min(smallest, d[i][j]);
			}
			if (smallest > limit) {
				return limit + 1;
			}
		}
		return d[a.length()][b.length()];
	}

}
