package org.onevisit.catalog;

import org.onevisit.shared.OneVisitException;

/**
 * No item or bundle (or no such version of it) under that code: {@code item_not_found},
 * {@code bundle_not_found}.
 */
public final class CatalogueEntryNotFound extends OneVisitException {

	private CatalogueEntryNotFound(String code, String developerMessage, String subject) {
		super(code, Kind.NOT_FOUND, developerMessage, subject);
	}

	public static CatalogueEntryNotFound item(String code) {
		return new CatalogueEntryNotFound("item_not_found", "no item " + code, code);
	}

	public static CatalogueEntryNotFound bundle(String code) {
		return new CatalogueEntryNotFound("bundle_not_found", "no bundle " + code, code);
	}

}
