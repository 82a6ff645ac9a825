package org.onevisit.catalog;

import org.onevisit.shared.OneVisitException;

/**
 * A publish or retire that does not fit the entry's current state
 * ({@code catalogue_version_conflict}).
 */
public final class VersionConflict extends OneVisitException {

	public VersionConflict(String code, String developerMessage) {
		super("catalogue_version_conflict", Kind.CONFLICT, developerMessage, code);
	}

}
