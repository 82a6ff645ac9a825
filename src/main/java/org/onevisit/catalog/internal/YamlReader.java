package org.onevisit.catalog.internal;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.onevisit.catalog.CatalogueProblem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads YAML node by node so that every problem can be reported with its line, and
 * collects the problems instead of stopping at the first: an administrator fixes a file
 * in one go. Paths name fields the way a person would look for them
 * ({@code items[3].materials[1].source}).
 */
final class YamlReader {

	private final String file;

	private final List<CatalogueProblem> problems = new ArrayList<>();

	private final Map<String, Integer> lines = new HashMap<>();

	YamlReader(String file) {
		this.file = file;
	}

	Node parse(Reader reader) {
		try {
			LoaderOptions options = new LoaderOptions();
			options.setMaxAliasesForCollections(10);
			options.setCodePointLimit(64 * 1024 * 1024);
			return new Yaml(new SafeConstructor(options)).compose(reader);
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			this.problems.add(new CatalogueProblem(this.file, line, "(file)", "not valid YAML: " + ex.getProblem()));
			return null;
		}
		catch (YAMLException ex) {
			this.problems.add(new CatalogueProblem(this.file, 0, "(file)", "not valid YAML: " + ex.getMessage()));
			return null;
		}
	}

	List<CatalogueProblem> problems() {
		return this.problems;
	}

	/**
	 * The line a path was read from, for problems found after reading; for an absent
	 * attribute, the line of the element that lacks it (0 when nothing of the path was
	 * read).
	 */
	int lineOf(String path) {
		for (String at = path; !at.isEmpty(); at = parent(at)) {
			Integer line = this.lines.get(at);
			if (line != null) {
				return line;
			}
		}
		return 0;
	}

	private static String parent(String path) {
		int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
		return (cut > 0) ? path.substring(0, cut) : "";
	}

	void problem(String path, String message) {
		this.problems.add(new CatalogueProblem(this.file, lineOf(path), path, message));
	}

	void problem(Node node, String path, String message) {
		int line = (node != null) ? node.getStartMark().getLine() + 1 : lineOf(path);
		this.problems.add(new CatalogueProblem(this.file, line, path, message));
	}

	MappingNode mapping(Node node, String path) {
		remember(node, path);
		if (node instanceof MappingNode mapping) {
			return mapping;
		}
		problem(node, path, "expected a mapping of keys to values");
		return null;
	}

	/** Reports keys nobody reads: a misspelt key would otherwise be silently ignored. */
	void onlyKeys(MappingNode mapping, String path, Set<String> known) {
		for (NodeTuple tuple : mapping.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode key && !known.contains(key.getValue())) {
				problem(tuple.getKeyNode(), path + "." + key.getValue(), "unknown key; expected one of " + known);
			}
		}
	}

	Node child(MappingNode mapping, String key) {
		for (NodeTuple tuple : mapping.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode scalar && key.equals(scalar.getValue())) {
				return tuple.getValueNode();
			}
		}
		return null;
	}

	String text(MappingNode mapping, String key, String path, boolean required) {
		String at = path + "." + key;
		Node node = child(mapping, key);
		if (node == null || (node instanceof ScalarNode blank && blank.getValue().isBlank())) {
			if (required) {
				problem(mapping, at, "missing");
			}
			return null;
		}
		remember(node, at);
		if (!(node instanceof ScalarNode scalar)) {
			problem(node, at, "expected a single value");
			return null;
		}
		return scalar.getValue().strip();
	}

	int integer(MappingNode mapping, String key, String path, int fallback, int min, int max, boolean required) {
		String value = text(mapping, key, path, required);
		if (value == null) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value);
			if (number < min || number > max) {
				problem(path + "." + key, "must be between " + min + " and " + max + ", got " + number);
				return fallback;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			problem(path + "." + key, "expected a whole number, got '" + value + "'");
			return fallback;
		}
	}

	/** A whole number within bounds, or null when the key is absent or wrong. */
	Integer optionalInteger(MappingNode mapping, String key, String path, int min, int max) {
		if (child(mapping, key) == null) {
			return null;
		}
		int number = integer(mapping, key, path, Integer.MIN_VALUE, min, max, false);
		return (number != Integer.MIN_VALUE) ? number : null;
	}

	/** A decimal number such as 1 or 12.5, or null when the key is absent or wrong. */
	BigDecimal decimal(MappingNode mapping, String key, String path) {
		String value = text(mapping, key, path, false);
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			problem(path + "." + key, "expected a number such as 1 or 12.5, got '" + value + "'");
			return null;
		}
	}

	boolean bool(MappingNode mapping, String key, String path, boolean fallback) {
		String value = text(mapping, key, path, false);
		if (value == null) {
			return fallback;
		}
		if (value.equals("true") || value.equals("false")) {
			return Boolean.parseBoolean(value);
		}
		problem(path + "." + key, "expected true or false, got '" + value + "'");
		return fallback;
	}

	<E extends Enum<E>> E enumeration(MappingNode mapping, String key, String path, Class<E> type, E fallback,
			boolean required) {
		String value = text(mapping, key, path, required);
		if (value == null) {
			return fallback;
		}
		for (E constant : type.getEnumConstants()) {
			if (camel(constant).equals(value)) {
				return constant;
			}
		}
		List<String> allowed = Arrays.stream(type.getEnumConstants()).map(YamlReader::camel).toList();
		problem(path + "." + key, "expected one of " + allowed + ", got '" + value + "'");
		return fallback;
	}

	/**
	 * The constants named in the list under the key, each once, in the order written
	 * (absent means none); a problem for a name the type does not know and for one named
	 * twice, where {@code what} names the kind of constant in the problem.
	 */
	<E extends Enum<E>> List<E> enumerations(MappingNode mapping, String key, String path, Class<E> type, String what) {
		List<E> constants = new ArrayList<>();
		List<String> names = texts(mapping, key, path);
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			String at = path + "." + key + "[" + i + "]";
			Optional<E> constant = Arrays.stream(type.getEnumConstants())
				.filter((candidate) -> camel(candidate).equals(name))
				.findFirst();
			if (constant.isEmpty()) {
				problem(mapping, at, "unknown " + what + " " + name + ", expected one of "
						+ Arrays.stream(type.getEnumConstants()).map(YamlReader::camel).toList());
			}
			else if (constants.contains(constant.get())) {
				problem(mapping, at, what + " " + name + " is named twice");
			}
			else {
				constants.add(constant.get());
			}
		}
		return constants;
	}

	/**
	 * A list under the key (absent means empty); problems for anything that is not a
	 * list.
	 */
	List<Node> list(MappingNode mapping, String key, String path) {
		Node node = child(mapping, key);
		if (node == null) {
			return List.of();
		}
		remember(node, path + "." + key);
		if (node instanceof SequenceNode sequence) {
			return sequence.getValue();
		}
		problem(node, path + "." + key, "expected a list");
		return List.of();
	}

	/**
	 * Reads each element of the list under the key as a mapping at {@code path.key[i]},
	 * keeping what {@code read} makes of it; elements that are not mappings, or that read
	 * to nothing, are reported or skipped.
	 */
	<T> List<T> mappings(MappingNode owner, String key, String path, BiFunction<MappingNode, String, T> read) {
		List<Node> nodes = list(owner, key, path);
		String prefix = "(file)".equals(path) ? key : path + "." + key;
		List<T> values = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			String at = prefix + "[" + i + "]";
			MappingNode node = mapping(nodes.get(i), at);
			T value = (node != null) ? read.apply(node, at) : null;
			if (value != null) {
				values.add(value);
			}
		}
		return values;
	}

	List<String> texts(MappingNode mapping, String key, String path) {
		List<Node> nodes = list(mapping, key, path);
		List<String> values = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			Node node = nodes.get(i);
			String at = path + "." + key + "[" + i + "]";
			remember(node, at);
			if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
				values.add(scalar.getValue().strip());
			}
			else {
				problem(node, at, "expected a non-empty text");
			}
		}
		return values;
	}

	/** Scalar keys to scalar values, in file order. */
	Map<String, String> textMap(MappingNode mapping, String key, String path) {
		Map<String, String> values = new LinkedHashMap<>();
		MappingNode map = childMapping(mapping, key, path);
		if (map == null) {
			return values;
		}
		for (NodeTuple tuple : map.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode k && tuple.getValueNode() instanceof ScalarNode v) {
				remember(tuple.getKeyNode(), path + "." + key + "." + k.getValue());
				values.put(k.getValue().strip(), v.getValue().strip());
			}
			else {
				problem(tuple.getKeyNode(), path + "." + key, "expected 'name: value' pairs");
			}
		}
		return values;
	}

	/**
	 * Scalar keys to lists of texts ({@code item: [a, b]}), in file order; each entry's
	 * line is remembered at {@code path.key.name}.
	 */
	Map<String, List<String>> textLists(MappingNode mapping, String key, String path) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		MappingNode map = childMapping(mapping, key, path);
		if (map == null) {
			return values;
		}
		for (NodeTuple tuple : map.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode k && !k.getValue().isBlank()) {
				String name = k.getValue().strip();
				remember(tuple.getKeyNode(), path + "." + key + "." + name);
				values.put(name, texts(map, k.getValue(), path + "." + key));
			}
			else {
				problem(tuple.getKeyNode(), path + "." + key, "expected 'name: [values]' pairs");
			}
		}
		return values;
	}

	/**
	 * The mapping under the key, or null when there is none or (a problem then) when what
	 * is there is not a mapping.
	 */
	private MappingNode childMapping(MappingNode mapping, String key, String path) {
		Node node = child(mapping, key);
		return (node != null) ? mapping(node, path + "." + key) : null;
	}

	/**
	 * Records where a path came from in a source that is not YAML (a CSV record, say).
	 */
	void rememberLine(String path, int line) {
		this.lines.putIfAbsent(path, line);
	}

	void remember(Node node, String path) {
		if (node != null) {
			this.lines.putIfAbsent(path, node.getStartMark().getLine() + 1);
		}
	}

	/**
	 * The spelling of an enum constant in files: {@code RESIDENT_ID} is
	 * {@code residentId}.
	 */
	static String camel(Enum<?> constant) {
		String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
		StringBuilder name = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return name.toString();
	}

}
