package org.onevisit.applications;

import java.util.List;

import org.onevisit.catalog.MaterialSource;

/**
 * A material of an application as filed: where it comes from, where it stands, and which
 * items need it. Shared data and licences start pending: the exchange and the licence
 * wallet satisfy them.
 */
public record MaterialRecord(String code, String name, MaterialSource source, State state, String reference,
		List<String> neededBy) {

	/** Where the material stands. */
	public enum State {

		/** Uploaded by the applicant; {@code reference} names the upload. */
		PROVIDED,
		/** To be fetched from the registry named by the catalogue (待获取). */
		PENDING_FETCH,
		/** To be matched with an electronic licence the applicant holds. */
		PENDING_LICENCE,
		/** Satisfied by a licence the applicant holds; {@code reference} is its id. */
		LICENCE_HELD,
		/** Abolished; nothing to provide. */
		WAIVED

	}

	public MaterialRecord {
		neededBy = List.copyOf(neededBy);
	}

}
