package org.onevisit.platform.internal;

/**
 * Text a person can type: no NUL and no other control character, except the line breaks
 * and tabs of multi-line text. PostgreSQL refuses NUL in text (the 500s of issue 25), and
 * the others only ever hide something from the reader of a page or a log.
 */
final class ControlCharacters {

	private ControlCharacters() {
	}

	/** Whether the text holds a character no person types (null holds none). */
	static boolean in(String text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (refused(c)) {
				return true;
			}
		}
		return false;
	}

	private static boolean refused(char c) {
		if (c == '\n' || c == '\r' || c == '\t') {
			return false;
		}
		// C0 controls, DEL and the C1 controls
		return c < 0x20 || (c >= 0x7f && c <= 0x9f);
	}

}
