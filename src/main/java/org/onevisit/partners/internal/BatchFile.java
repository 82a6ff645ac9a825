package org.onevisit.partners.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.CatalogueEntryNotFound;
import org.onevisit.catalog.FieldType;
import org.onevisit.partners.internal.PartnerFilings.Filing;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch file into its cases, or refuses the whole file naming the first row that
 * cannot be read (docs/partners.md, "Batch intake"): JSON lines, each line the body of a
 * single filing with its {@code idempotencyKey} (and {@code group}); or CSV whose header
 * names the control columns ({@link #KEY}, {@link #GROUP}, {@link #MANDATE},
 * {@link #ITEM}, {@link #BUNDLE}, {@link #RESIDENT_ID}, {@link #CREDIT_CODE} and
 * {@code materials.}, {@code evidence.}, {@code uploadReasons.} followed by a material's
 * code) and otherwise the form's fields by name.
 */
final class BatchFile {

	static final int MAX_CASES = 5_000;

	static final String KEY = "Idempotency-Key";

	static final String GROUP = "group";

	static final String MANDATE = "mandateId";

	static final String ITEM = "itemCode";

	static final String BUNDLE = "bundleCode";

	static final String RESIDENT_ID = "applicant.residentId";

	static final String CREDIT_CODE = "applicant.creditCode";

	private static final List<String> CONTROL = List.of(KEY, GROUP, MANDATE, ITEM, BUNDLE, RESIDENT_ID, CREDIT_CODE);

	/** A case as the file gives it: its position (from 1), its key, its group. */
	record Case(int row, String key, String group, Filing filing) {
	}

	private final JsonMapper json;

	private final Catalogue catalogue;

	BatchFile(JsonMapper json, Catalogue catalogue) {
		this.json = json;
		this.catalogue = catalogue;
	}

	List<Case> read(Batches.Format format, String content) {
		List<Case> cases = (format == Batches.Format.CSV) ? csv(content) : jsonLines(content);
		if (cases.isEmpty()) {
			throw BatchRefused.empty();
		}
		Map<String, Integer> keys = new HashMap<>();
		for (Case each : cases) {
			Integer first = keys.putIfAbsent(each.key(), each.row());
			if (first != null) {
				throw BatchRefused.keyRepeated(each.row(), first);
			}
		}
		return cases;
	}

	private List<Case> jsonLines(String content) {
		List<Case> cases = new ArrayList<>();
		for (String line : content.split("\r?\n")) {
			if (line.isBlank()) {
				continue;
			}
			int row = cases.size() + 1;
			if (row > MAX_CASES) {
				throw BatchRefused.tooManyCases(MAX_CASES, row);
			}
			JsonNode node;
			try {
				node = this.json.readTree(line);
			}
			catch (JacksonException ex) {
				throw BatchRefused.rowMalformed(row, "not JSON");
			}
			if (node == null || !node.isObject()) {
				throw BatchRefused.rowMalformed(row, "not a JSON object");
			}
			JsonNode applicant = node.path("applicant");
			cases.add(new Case(row, key(row, text(node, "idempotencyKey")), group(row, text(node, GROUP)),
					new Filing(mandate(row, text(node, MANDATE)), text(node, ITEM), text(node, BUNDLE),
							text(applicant, "residentId"), text(applicant, "creditCode"), map(row, node, "form"),
							texts(row, node, "materials"), texts(row, node, "evidence"),
							texts(row, node, "uploadReasons"))));
		}
		return cases;
	}

	private List<Case> csv(String content) {
		List<Case> cases = new ArrayList<>();
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
		try (CSVParser parser = format.parse(new StringReader(stripBom(content)))) {
			List<String> header = parser.getHeaderNames();
			if (!header.contains(KEY)) {
				throw BatchRefused.keyMissing(1);
			}
			for (CSVRecord record : parser) {
				int row = cases.size() + 1;
				if (row > MAX_CASES) {
					throw BatchRefused.tooManyCases(MAX_CASES, row);
				}
				if (!record.isConsistent()) {
					throw BatchRefused.rowMalformed(row, "not as many cells as the header names");
				}
				Map<String, String> cells = new LinkedHashMap<>();
				header.forEach((column) -> {
					String value = record.get(column);
					if (value != null && !value.isEmpty()) {
						cells.put(column, value);
					}
				});
				cases.add(csvCase(row, cells));
			}
		}
		catch (IOException | IllegalStateException | UncheckedIOException ex) {
			throw BatchRefused.rowMalformed(cases.size() + 1, "not CSV");
		}
		return cases;
	}

	private Case csvCase(int row, Map<String, String> cells) {
		String item = cells.get(ITEM);
		String bundle = cells.get(BUNDLE);
		Map<String, FieldType> types = fieldTypes(item, bundle);
		Map<String, Object> form = new LinkedHashMap<>();
		Map<String, String> materials = new LinkedHashMap<>();
		Map<String, String> evidence = new LinkedHashMap<>();
		Map<String, String> reasons = new LinkedHashMap<>();
		cells.forEach((column, value) -> {
			if (CONTROL.contains(column)) {
				return;
			}
			if (column.startsWith("materials.")) {
				materials.put(column.substring("materials.".length()), value);
			}
			else if (column.startsWith("evidence.")) {
				evidence.put(column.substring("evidence.".length()), value);
			}
			else if (column.startsWith("uploadReasons.")) {
				reasons.put(column.substring("uploadReasons.".length()), value);
			}
			else {
				form.put(column, typed(types.get(column), value));
			}
		});
		return new Case(row, key(row, cells.get(KEY)), group(row, cells.get(GROUP)),
				new Filing(mandate(row, cells.get(MANDATE)), item, bundle, cells.get(RESIDENT_ID),
						cells.get(CREDIT_CODE), form, materials, evidence, reasons));
	}

	/**
	 * The types of the form's fields, so that a cell is the value the page's form would
	 * give (a number, a yes or no); an unknown item keeps its cells as text and is
	 * refused as its filing would be.
	 */
	private Map<String, FieldType> fieldTypes(String item, String bundle) {
		Map<String, FieldType> types = new HashMap<>();
		try {
			if (item != null) {
				this.catalogue.item(item)
					.content()
					.form()
					.fields()
					.forEach((field) -> types.put(field.name(), field.type()));
			}
			else if (bundle != null) {
				this.catalogue.bundle(bundle)
					.content()
					.fields()
					.forEach((field) -> types.put(field.name(), field.type()));
			}
		}
		catch (CatalogueEntryNotFound ex) {
			// refused by the filing itself, with its own code
		}
		return types;
	}

	private static Object typed(FieldType type, String value) {
		if (type == FieldType.NUMBER) {
			try {
				return new BigDecimal(value);
			}
			catch (NumberFormatException ex) {
				return value;
			}
		}
		if (type == FieldType.BOOLEAN && ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value))) {
			return Boolean.valueOf(value.toLowerCase(Locale.ROOT));
		}
		if (type == FieldType.RESIDENT_ID || type == FieldType.CREDIT_CODE) {
			return value.toUpperCase(Locale.ROOT);
		}
		return value;
	}

	private static String key(int row, String key) {
		if (key == null || key.isBlank() || key.length() > 100) {
			throw BatchRefused.keyMissing(row);
		}
		return key;
	}

	private static String group(int row, String group) {
		if (group != null && group.length() > 100) {
			throw BatchRefused.rowMalformed(row, "group longer than 100 characters");
		}
		return (group != null && !group.isBlank()) ? group : null;
	}

	private static UUID mandate(int row, String mandate) {
		if (mandate == null || mandate.isBlank()) {
			// refused when filed, as a single filing without a mandate is
			return null;
		}
		try {
			return UUID.fromString(mandate.strip());
		}
		catch (IllegalArgumentException ex) {
			throw BatchRefused.rowMalformed(row, "mandateId is not a UUID");
		}
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.path(name);
		return (value.isString() || value.isNumber()) ? value.asString() : null;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> map(int row, JsonNode node, String name) {
		JsonNode value = node.path(name);
		if (value.isMissingNode() || value.isNull()) {
			return Map.of();
		}
		if (!value.isObject()) {
			throw BatchRefused.rowMalformed(row, name + " is not an object");
		}
		return this.json.treeToValue(value, LinkedHashMap.class);
	}

	private Map<String, String> texts(int row, JsonNode node, String name) {
		Map<String, Object> values = map(row, node, name);
		Map<String, String> texts = new LinkedHashMap<>();
		values.forEach((key, value) -> {
			if (value != null && !(value instanceof String)) {
				throw BatchRefused.rowMalformed(row, name + "." + key + " is not text");
			}
			texts.put(key, (String) value);
		});
		return texts;
	}

	private static String stripBom(String content) {
		return content.startsWith("\uFEFF") ? content.substring(1) : content;
	}

}
