package org.onevisit.applications;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.BundleField;
import org.onevisit.catalog.FieldLimits;
import org.onevisit.catalog.FieldType;
import org.onevisit.catalog.FormField;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.InvalidIdentifier;
import org.onevisit.shared.ResidentId;

/**
 * Checks submitted form values against a form of the catalogue, on the server whatever
 * the page checked, and names every violation by field. Values arrive as JSON gives them:
 * text, numbers, booleans.
 */
public final class FormCheck {

	/** The longest text any field takes, whatever the catalogue says. */
	public static final int MAX_TEXT_LENGTH = FieldLimits.TEXT_CEILING;

	/** All of a form's texts together. */
	public static final int MAX_FORM_LENGTH = 50_000;

	/** The largest number any field takes, whatever the catalogue says. */
	public static final BigDecimal MAX_NUMBER = FieldLimits.NUMBER_CEILING;

	private FormCheck() {
	}

	public static List<FieldViolation> check(List<FormField> fields, Map<String, Object> values) {
		List<FieldViolation> violations = new ArrayList<>();
		long length = values.values()
			.stream()
			.mapToLong((value) -> (value != null) ? String.valueOf(value).length() : 0)
			.sum();
		if (length > MAX_FORM_LENGTH) {
			// refused whole, unread: no use checking a form no person wrote
			violations.add(new FieldViolation("form", "form_too_large", String.valueOf(MAX_FORM_LENGTH)));
			return violations;
		}
		Map<String, FormField> known = new LinkedHashMap<>();
		fields.forEach((field) -> known.put(field.name(), field));
		values.keySet()
			.stream()
			.filter((name) -> !known.containsKey(name))
			.sorted()
			.forEach((name) -> violations.add(new FieldViolation(name, "unknown_field", name)));
		for (FormField field : fields) {
			Object value = values.get(field.name());
			if (isBlank(value)) {
				if (field.required()) {
					violations.add(new FieldViolation(field.name(), "required", field.label()));
				}
				continue;
			}
			String problem = problemWith(field.type(), field.pattern(), field.options(), field.limits(), value);
			if (problem != null) {
				violations
					.add(new FieldViolation(field.name(), problem, field.label(), limitOf(problem, field.limits())));
			}
		}
		return violations;
	}

	/** A bundle's one form, checked as its own fields. */
	public static List<FieldViolation> check(Bundle bundle, Map<String, Object> values) {
		return check(bundle.fields().stream().map(BundleField::asField).toList(), values);
	}

	/**
	 * The values each item of a bundle receives: every bundle field copied into the
	 * fields it maps to.
	 */
	public static Map<String, Map<String, Object>> split(Bundle bundle, Map<String, Object> values) {
		Map<String, Map<String, Object>> byItem = new LinkedHashMap<>();
		bundle.itemCodes().forEach((code) -> byItem.put(code, new LinkedHashMap<>()));
		for (BundleField field : bundle.fields()) {
			Object value = values.get(field.name());
			if (!isBlank(value)) {
				field.itemFields().forEach((item, itemField) -> byItem.get(item).put(itemField, value));
			}
		}
		return byItem;
	}

	/**
	 * The values one item of a bundle receives, for the item a task handles: the owning
	 * county's implementation of a citywide item (全市通办) receives those of the bundle's
	 * item it took over.
	 */
	public static Map<String, Object> itemForm(Bundle bundle, Map<String, Object> values, String itemCode) {
		return split(bundle, values).getOrDefault(bundle.itemHandledBy(itemCode), Map.of());
	}

	/** The bound a value broke, to name it beside the problem. */
	private static String limitOf(String problem, FieldLimits limits) {
		return switch (problem) {
			case "too_long" -> String.valueOf(limits.textLength());
			case "below_minimum" -> limits.lowest().toPlainString();
			case "above_maximum" -> limits.highest().toPlainString();
			default -> null;
		};
	}

	private static String problemWith(FieldType type, String pattern, List<String> options, FieldLimits limits,
			Object value) {
		return switch (type) {
			case STRING -> textProblem(pattern, limits, value);
			case NUMBER -> numberProblem(limits, value);
			case BOOLEAN -> (value instanceof Boolean) ? null : "not_true_or_false";
			case DATE -> isDate(value) ? null : "not_a_date";
			case ENUM -> options.contains(String.valueOf(value)) ? null : "not_an_option";
			case RESIDENT_ID -> identifierProblem(value, true);
			case CREDIT_CODE -> identifierProblem(value, false);
		};
	}

	private static String textProblem(String pattern, FieldLimits limits, Object value) {
		if (!(value instanceof String text)) {
			return "not_text";
		}
		if (text.codePointCount(0, text.length()) > limits.textLength()) {
			return "too_long";
		}
		return (pattern != null && !compiled(pattern).matcher(text).matches()) ? "pattern_mismatch" : null;
	}

	/**
	 * The catalogue's patterns, compiled once each rather than at every filing; the
	 * catalogue holds a few hundred at most, and the cache is emptied if it ever grows
	 * past that many more.
	 */
	private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

	private static Pattern compiled(String pattern) {
		if (PATTERNS.size() > 1_000) {
			PATTERNS.clear();
		}
		return PATTERNS.computeIfAbsent(pattern, Pattern::compile);
	}

	private static String numberProblem(FieldLimits limits, Object value) {
		if (!isNumber(value)) {
			return "not_a_number";
		}
		BigDecimal number;
		try {
			number = new BigDecimal(String.valueOf(value).strip());
		}
		catch (NumberFormatException ex) {
			// a double JSON gave as infinity or NaN
			return "out_of_range";
		}
		if (number.compareTo(limits.lowest()) < 0) {
			return "below_minimum";
		}
		return (number.compareTo(limits.highest()) > 0) ? "above_maximum" : null;
	}

	private static String identifierProblem(Object value, boolean person) {
		if (!(value instanceof String text)) {
			return "not_text";
		}
		try {
			if (person) {
				ResidentId.of(text);
			}
			else {
				CreditCode.of(text);
			}
			return null;
		}
		catch (InvalidIdentifier ex) {
			return ex.code() + "." + ex.reason().name().toLowerCase(Locale.ROOT);
		}
	}

	private static boolean isNumber(Object value) {
		if (value instanceof Number) {
			return true;
		}
		if (value instanceof String text) {
			try {
				new BigDecimal(text.strip());
				return true;
			}
			catch (NumberFormatException ex) {
				return false;
			}
		}
		return false;
	}

	private static boolean isDate(Object value) {
		if (!(value instanceof String text)) {
			return false;
		}
		try {
			LocalDate.parse(text.strip());
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static boolean isBlank(Object value) {
		return value == null || (value instanceof String text && text.isBlank());
	}

}
