package org.onevisit.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sentence a person reads, kept as a message code with its arguments so that each
 * reader gets it in their own language. An argument is plain text, or itself a sentence
 * (a registry's name, an answer within a line), or a list of sentences read one after the
 * other. Stored as {@code {"code":…,"args":[…]}}: text stored before sentences were kept
 * this way does not start like that, and {@link Sentences} shows it as it is.
 */
public record Sentence(String code, List<Object> args) {

	private static final JsonMapper JSON = JsonMapper.shared();

	public Sentence {
		args = List.copyOf(args);
	}

	public static Sentence of(String code, Object... args) {
		return new Sentence(code, List.of(args));
	}

	/** The text to store: this sentence in JSON. */
	public String stored() {
		return JSON.writeValueAsString(tree(this));
	}

	/** The sentence a stored text holds; empty for plain text stored before. */
	public static Optional<Sentence> from(String stored) {
		if (stored == null || !stored.startsWith("{\"code\"")) {
			return Optional.empty();
		}
		try {
			return Optional.of((Sentence) value(JSON.readValue(stored, Map.class)));
		}
		catch (JacksonException | ClassCastException notOne) {
			return Optional.empty();
		}
	}

	private static Object tree(Object arg) {
		if (arg instanceof Sentence sentence) {
			Map<String, Object> node = new LinkedHashMap<>();
			node.put("code", sentence.code());
			node.put("args", sentence.args().stream().map(Sentence::tree).toList());
			return node;
		}
		if (arg instanceof List<?> list) {
			return list.stream().map(Sentence::tree).toList();
		}
		return (arg != null) ? arg.toString() : "";
	}

	private static Object value(Object node) {
		if (node instanceof Map<?, ?> map) {
			List<Object> args = new ArrayList<>();
			((List<?>) map.get("args")).forEach((arg) -> args.add(value(arg)));
			return new Sentence((String) map.get("code"), args);
		}
		if (node instanceof List<?> list) {
			return list.stream().map(Sentence::value).toList();
		}
		return node;
	}

}
