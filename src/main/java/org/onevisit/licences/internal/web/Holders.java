package org.onevisit.licences.internal.web;

import java.util.Optional;

import org.onevisit.applications.Subject;
import org.onevisit.identity.OneVisitUser;

/** Whose licences a signed-in user holds: their own as a person, or their business's. */
final class Holders {

	private Holders() {
	}

	static Optional<Subject> of(OneVisitUser user) {
		if (user == null) {
			return Optional.empty();
		}
		return user.creditCode().map(Subject::business).or(() -> user.residentId().map(Subject::person));
	}

}
