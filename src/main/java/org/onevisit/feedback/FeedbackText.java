package org.onevisit.feedback;

/**
 * What a citizen or an official writes: stripped, at most {@value #MAX_LENGTH}
 * characters, and a blank text is no text.
 */
public final class FeedbackText {

	public static final int MAX_LENGTH = 2000;

	private FeedbackText() {
	}

	/** The text, stripped; refused when there is none. */
	public static String required(String text) {
		String trimmed = optional(text);
		if (trimmed == null) {
			throw FeedbackRefused.textRequired();
		}
		return trimmed;
	}

	/** The text, stripped, or null when blank. */
	public static String optional(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.strip();
		if (trimmed.length() > MAX_LENGTH) {
			throw FeedbackRefused.textTooLong(MAX_LENGTH);
		}
		return trimmed;
	}

}
