package org.onevisit.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.Transliterator;

/**
 * The ways people type Chinese, brought to the catalogue's: traditional characters to
 * simplified, full-width letters to ASCII, and Han characters to pinyin. ICU's
 * transliterators (Unicode's Unihan data) are slow per call (milliseconds for Han-Latin)
 * and not documented thread-safe, so each character is converted once, under a lock, and
 * remembered: the characters people type are a few thousand.
 */
final class ChineseText {

	private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");

	private static final Transliterator TO_PINYIN = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");

	private static final Map<Integer, String> SIMPLIFIED = new ConcurrentHashMap<>();

	private static final Map<Integer, String> PINYIN = new ConcurrentHashMap<>();

	/**
	 * Other readings of characters whose first reading in ICU is not the one the
	 * catalogue's words need (地 is de in ICU, di in 异地; 还 hai, huan in 还贷).
	 */
	private static final Map<Integer, List<String>> ALSO = Map.ofEntries(also('地', "di"), also('长', "chang"),
			also('还', "huan"), also('行', "hang"), also('重', "chong"), also('都', "du"), also('调', "tiao"),
			also('乐', "yue"), also('给', "ji"), also('便', "pian"), also('朝', "zhao"), also('单', "shan"),
			also('藏', "zang"), also('差', "chai"), also('校', "jiao"), also('曾', "zeng"), also('传', "zhuan"),
			also('奇', "ji"), also('参', "shen"), also('种', "zhong"), also('着', "zhao"), also('的', "di"), also('率', "lv"),
			also('绿', "lv"), also('女', "nv"), also('旅', "lv"), also('律', "lv"), also('履', "lv"));

	private ChineseText() {
	}

	/** Simplified characters, ASCII for full-width letters and digits, lower case. */
	static String normalised(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			if (c >= 0xFF01 && c <= 0xFF5E) {
				out.appendCodePoint(Character.toLowerCase(c - 0xFEE0));
			}
			else if (c == 0x3000) {
				out.append(' ');
			}
			else if (isHan(c)) {
				out.append(SIMPLIFIED.computeIfAbsent(c, ChineseText::simplify));
			}
			else {
				out.appendCodePoint(Character.toLowerCase(c));
			}
		});
		return out.toString();
	}

	/**
	 * One pinyin syllable (no tones) per Han character of the text, in order; other
	 * characters are skipped.
	 */
	static List<String> syllables(String text) {
		List<String> syllables = new ArrayList<>();
		text.codePoints().filter(ChineseText::isHan).forEach((c) -> {
			String syllable = PINYIN.computeIfAbsent(c, ChineseText::pinyin);
			if (!syllable.isEmpty()) {
				syllables.add(syllable);
			}
		});
		return syllables;
	}

	/**
	 * Every reading of the character people may type: the first from ICU, then the others
	 * of {@link #ALSO}.
	 */
	static List<String> readings(int c) {
		String first = PINYIN.computeIfAbsent(c, ChineseText::pinyin);
		List<String> others = ALSO.getOrDefault(c, List.of());
		if (others.isEmpty()) {
			return first.isEmpty() ? List.of() : List.of(first);
		}
		List<String> readings = new ArrayList<>();
		readings.add(first);
		others.stream().filter((other) -> !other.equals(first)).forEach(readings::add);
		return readings;
	}

	private static Map.Entry<Integer, List<String>> also(char c, String reading) {
		return Map.entry((int) c, List.of(reading));
	}

	static boolean isHan(int c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	/**
	 * Whether the text is pinyin or initials as typed: ASCII letters, spaces,
	 * apostrophes.
	 */
	static boolean isLatin(String text) {
		return !text.isBlank() && text.chars().allMatch((c) -> (c >= 'a' && c <= 'z') || c == ' ' || c == '\'');
	}

	/**
	 * The syllable as a hurried or southern typist may write it: zh/ch/sh as z/c/s, n and
	 * l alike, -ng as -n (the "fuzzy pinyin" settings of every input method).
	 */
	static String fuzzy(String syllable) {
		String s = syllable;
		if (s.length() > 1 && (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh"))) {
			s = s.charAt(0) + s.substring(2);
		}
		if (s.startsWith("l")) {
			s = "n" + s.substring(1);
		}
		if (s.endsWith("ng") && s.length() > 2) {
			s = s.substring(0, s.length() - 1);
		}
		return s;
	}

	private static String simplify(int c) {
		synchronized (TO_SIMPLIFIED) {
			return TO_SIMPLIFIED.transliterate(new String(Character.toChars(c)));
		}
	}

	private static String pinyin(int c) {
		synchronized (TO_PINYIN) {
			String latin = TO_PINYIN.transliterate(new String(Character.toChars(c))).strip();
			return latin.chars().allMatch((l) -> l >= 'a' && l <= 'z') ? latin : "";
		}
	}

}
