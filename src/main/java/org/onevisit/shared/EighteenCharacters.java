package org.onevisit.shared;

import java.util.Locale;

import org.onevisit.shared.InvalidIdentifier.Reason;

/**
 * The first rule of both national identity numbers, the resident ID (GB 11643) and the
 * unified social credit code (GB 32100): 18 characters, read without surrounding blanks
 * and in upper case.
 */
final class EighteenCharacters {

	private EighteenCharacters() {
	}

	/**
	 * The candidate as its standard writes it; refused for its length under the code,
	 * which names the identifier (its kind, for the developer, in {@code name}).
	 */
	static String candidate(String raw, String code, String name) {
		if (raw == null) {
			throw new InvalidIdentifier(code, Reason.LENGTH, "no " + name + " given");
		}
		String candidate = raw.strip().toUpperCase(Locale.ROOT);
		if (candidate.length() != 18) {
			throw new InvalidIdentifier(code, Reason.LENGTH,
					"a " + name + " has 18 characters, got " + candidate.length());
		}
		return candidate;
	}

}
