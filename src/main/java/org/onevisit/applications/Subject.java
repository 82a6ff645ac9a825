package org.onevisit.applications;

import java.util.Optional;

import org.onevisit.identity.OneVisitUser;
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

	/** The resident ID or the credit code, as written. */
	public String identifier() {
		return (this.person != null) ? this.person.value() : this.business.value();
	}

	/**
	 * Whom a signed-in account speaks for: its business if it acts for one, else the
	 * person; empty for staff accounts without an identity number.
	 */
	public static Optional<Subject> of(OneVisitUser account) {
		if (account == null) {
			return Optional.empty();
		}
		return account.creditCode().map(Subject::business).or(() -> account.residentId().map(Subject::person));
	}

}
