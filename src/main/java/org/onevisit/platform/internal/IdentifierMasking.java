package org.onevisit.platform.internal;

import java.util.regex.Pattern;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * The ECS log names no one: whatever a message or a stack trace carries (a database error
 * quoting a key, an exception naming a value), resident IDs and mobile numbers are masked
 * as receipts print them before the line is written. Named in
 * {@code logging.structured.json.customizer}; the log is read by operators, who need the
 * request id, not the person.
 */
public class IdentifierMasking implements StructuredLoggingJsonMembersCustomizer<Object> {

	// 18 characters: a division, a birth date, a sequence and a check character
	private static final Pattern RESIDENT_ID = Pattern
		.compile("(?<![0-9A-Za-z])(\\d{4})\\d{10}(\\d{3}[\\dXx])(?![0-9A-Za-z])");

	private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9]\\d)\\d{4}(\\d{4})(?![0-9])");

	@Override
	public void customize(JsonWriter.Members<Object> members) {
		members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, IdentifierMasking::mask));
	}

	static String mask(String text) {
		if (text == null) {
			return null;
		}
		String masked = RESIDENT_ID.matcher(text).replaceAll("$1**********$2");
		return MOBILE.matcher(masked).replaceAll("$1****$2");
	}

}
