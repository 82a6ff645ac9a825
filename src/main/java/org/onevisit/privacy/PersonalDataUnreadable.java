package org.onevisit.privacy;

/**
 * A stored value that does not open: sealed for another column or file, altered, under a
 * data key that is gone, or not sealed at all. Never a person's mistake: it means the
 * stored data was tampered with or moved.
 */
public final class PersonalDataUnreadable extends SecurityException {

	private static final long serialVersionUID = 1L;

	public PersonalDataUnreadable(String context, String why) {
		super("personal data for " + context + " does not open: " + why);
	}

}
