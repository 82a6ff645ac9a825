package org.onevisit.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rules read from the Java source itself, where the compiled classes no longer show them:
 * the text in string literals and the names written in code. Each rule turns one file
 * into findings, one line per finding.
 */
final class SourceRules {

	private static final Path PRODUCTION = Path.of("src/main/java");

	// CJK ideographs, CJK punctuation, full-width forms
	private static final Pattern CHINESE = Pattern.compile("[\\u4E00-\\u9FFF\\u3000-\\u303F\\uFF00-\\uFFEF]");

	private static final Pattern QUALIFIED_NAME = Pattern
		.compile("(?<![\\w.])(?:java|javax|jakarta|org|com)(?:\\s*\\.\\s*[a-z]\\w*)+\\s*\\.\\s*[A-Z]\\w*");

	private static final Pattern IMPORT_OR_PACKAGE = Pattern.compile("(?m)^[ \\t]*(?:import|package)[ \\t][^;\\n]*;");

	private SourceRules() {
	}

	/** A source file: its path, its string literals, and its code without them. */
	record JavaSource(String path, List<String> literals, String code) {

		/**
		 * Splits the text into its string and text-block literals and its code, in which
		 * comments and the insides of literals are blanked and lines keep their numbers.
		 */
		static JavaSource of(String path, String text) {
			List<String> literals = new ArrayList<>();
			StringBuilder code = new StringBuilder(text.length());
			int at = 0;
			while (at < text.length()) {
				char c = text.charAt(at);
				int end;
				if (text.startsWith("//", at)) {
					end = endOf(text, text.indexOf('\n', at), 0);
					blank(code, text, at, end);
				}
				else if (text.startsWith("/*", at)) {
					end = endOf(text, text.indexOf("*/", at + 2), 2);
					blank(code, text, at, end);
				}
				else if (text.startsWith("\"\"\"", at) || c == '"' || c == '\'') {
					String quote = text.startsWith("\"\"\"", at) ? "\"\"\"" : String.valueOf(c);
					end = at + quote.length();
					while (!text.startsWith(quote, end)) {
						end += (text.charAt(end) == '\\') ? 2 : 1;
					}
					end += quote.length();
					if (c == '"') {
						literals.add(text.substring(at, end));
					}
					code.append(quote);
					blank(code, text, at + quote.length(), end - quote.length());
					code.append(quote);
				}
				else {
					end = at + 1;
					code.append(c);
				}
				at = end;
			}
			return new JavaSource(path, literals, code.toString());
		}

		private static int endOf(String text, int found, int length) {
			return (found < 0) ? text.length() : found + length;
		}

		private static void blank(StringBuilder code, String text, int from, int to) {
			for (int i = from; i < to; i++) {
				code.append((text.charAt(i) == '\n') ? '\n' : ' ');
			}
		}

		boolean isIn(String module) {
			return this.path.startsWith("org/onevisit/" + module + "/");
		}

	}

	/** Every production source file, its path relative to the source root. */
	static List<JavaSource> production() {
		try (Stream<Path> files = Files.walk(PRODUCTION)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.sorted()
				.map((file) -> JavaSource.of(PRODUCTION.relativize(file).toString().replace('\\', '/'), read(file)))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** String and text-block literals holding Chinese characters or punctuation. */
	static List<String> chineseLiterals(JavaSource source) {
		return source.literals()
			.stream()
			.filter((literal) -> CHINESE.matcher(literal).find())
			.map((literal) -> source.path() + ": " + literal)
			.toList();
	}

	/** Code that picks a time zone itself instead of asking the clock. */
	static List<String> zoneChoices(JavaSource source) {
		List<String> findings = new ArrayList<>();
		if (source.code().contains("ZoneId.of(")) {
			findings.add(source.path() + ": ZoneId.of(");
		}
		source.literals()
			.stream()
			.filter((literal) -> literal.contains("Asia/Shanghai"))
			.forEach((literal) -> findings.add(source.path() + ": " + literal));
		return findings;
	}

	/**
	 * Fully-qualified type names written in code (not in imports, the package line,
	 * comments or strings).
	 */
	static List<String> inlineQualifiedNames(JavaSource source) {
		String code = IMPORT_OR_PACKAGE.matcher(source.code()).replaceAll("");
		List<String> findings = new ArrayList<>();
		Matcher name = QUALIFIED_NAME.matcher(code);
		while (name.find()) {
			long line = code.substring(0, name.start()).chars().filter((c) -> c == '\n').count() + 1;
			findings.add(source.path() + ":" + line + ": " + name.group().replaceAll("\\s", ""));
		}
		return findings;
	}

}
