package org.onevisit.licences.internal;

import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical form licences are signed in (documented in {@code docs/licences.md}):
 * objects whose values are strings or objects, members sorted by name, no white space,
 * only the quotation mark, the backslash and control characters escaped, UTF-8. For
 * documents of this shape it is exactly RFC 8785 (JCS), so a verifier can use any JCS
 * library.
 */
final class CanonicalJson {

	/** A document that is not a licence: not JSON, or with a value that is not text. */
	static final class Malformed extends Exception {

		Malformed(String message) {
			super(message);
		}

	}

	private CanonicalJson() {
	}

	static String write(Map<String, ?> object) {
		StringBuilder out = new StringBuilder(512);
		writeObject(object, out);
		return out.toString();
	}

	/** Reads a document handed in for verification into the shape licences have. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> read(JsonMapper json, String document) throws Malformed {
		JsonNode root;
		try {
			// a member named twice would let a forged text show one value to the reader
			// and sign another: never a licence, whatever the application's own mapper
			// says
			root = json.readerFor(JsonNode.class)
				.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
				.readValue(document);
		}
		catch (JacksonException ex) {
			throw new Malformed("not JSON");
		}
		if (root == null || !root.isObject()) {
			throw new Malformed("not a JSON object");
		}
		return (Map<String, Object>) toValue(root, "$");
	}

	private static Object toValue(JsonNode node, String at) throws Malformed {
		if (node.isString()) {
			return node.asString();
		}
		if (node.isObject()) {
			Map<String, Object> map = new TreeMap<>();
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				map.put(member.getKey(), toValue(member.getValue(), at + "." + member.getKey()));
			}
			return map;
		}
		throw new Malformed(at + " is not text or an object");
	}

	@SuppressWarnings("unchecked")
	private static void writeObject(Map<String, ?> object, StringBuilder out) {
		// String's natural order compares UTF-16 code units, as RFC 8785 sorts
		Map<String, ?> sorted = (object instanceof TreeMap<String, ?> tree && tree.comparator() == null) ? object
				: new TreeMap<>(object);
		out.append('{');
		boolean first = true;
		for (Map.Entry<String, ?> member : sorted.entrySet()) {
			if (member.getValue() == null) {
				continue;
			}
			if (!first) {
				out.append(',');
			}
			first = false;
			writeString(member.getKey(), out);
			out.append(':');
			if (member.getValue() instanceof Map<?, ?> nested) {
				writeObject((Map<String, ?>) nested, out);
			}
			else {
				writeString(member.getValue().toString(), out);
			}
		}
		out.append('}');
	}

	private static void writeString(String value, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
