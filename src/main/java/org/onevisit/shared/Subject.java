package org.onevisit.shared;

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

	/** The resident ID or the credit code, as written. */
	public String identifier() {
		return (this.person != null) ? this.person.value() : this.business.value();
	}

}
