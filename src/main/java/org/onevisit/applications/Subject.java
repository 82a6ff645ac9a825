package org.onevisit.applications;

import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;

/** Whose matter it is: a person by resident ID or a business by credit code. */
public record Subject(ResidentId person, CreditCode business) {

	public Subject {
		if ((person == null) == (business == null)) {
			throw new IllegalArgumentException("a subject is either a person or a business");
		}
	}

	public static Subject person(ResidentId id) {
		return new Subject(id, null);
	}

	public static Subject business(CreditCode code) {
		return new Subject(null, code);
	}

}
