package org.onevisit.exchange;

import org.onevisit.shared.OneVisitException;

/** A pre-fill that cannot be done as asked. */
public final class PrefillRefused extends OneVisitException {

	public PrefillRefused(String code, String message) {
		super(code, Kind.INVALID, message);
	}

}
