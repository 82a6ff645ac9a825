package org.onevisit.applications;

import java.util.List;

import org.onevisit.catalog.MaterialSource;

/**
 * A material of an application as filed: where it comes from, where it stands, and which
 * items need it. Shared data and licences start pending: the exchange and the licence
 * wallet satisfy them.
 */
public record MaterialRecord(String code, String name, MaterialSource source, State state, String reference,
		List<String> neededBy, String note) {

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
		/**
		 * Fetched from the registry, signed by it; {@code reference} is the evidence id
		 * and {@code note} says from where and as of when.
		 */
		FETCHED,
		/**
		 * The registry's data cannot serve (stale, incomplete, not found): the applicant
		 * uploads it instead, and {@code note} says why.
		 */
		NEEDS_UPLOAD,
		/** Abolished; nothing to provide. */
		WAIVED

	}

	public MaterialRecord {
		neededBy = List.copyOf(neededBy);
	}

	public MaterialRecord(String code, String name, MaterialSource source, State state, String reference,
			List<String> neededBy) {
		this(code, name, source, state, reference, neededBy, null);
	}

	/** The same material, now in another state. */
	public MaterialRecord now(State state, String reference, String note) {
		return new MaterialRecord(this.code, this.name, this.source, state, reference, this.neededBy, note);
	}

	/** Whether nothing is left to do for it. */
	public boolean satisfied() {
		return this.state == State.PROVIDED || this.state == State.FETCHED || this.state == State.LICENCE_HELD
				|| this.state == State.WAIVED;
	}

}
