package org.onevisit.messages.internal;

import org.onevisit.identity.OneVisitUser;
import org.onevisit.privacy.PersonalData;
import org.onevisit.shared.Subject;

import org.springframework.stereotype.Component;

/**
 * Whom the messages module stores a message, a channel choice or a delivery for: a person
 * by the blind index of their resident ID (a backup shows no ID number), a business by
 * its credit code (public registration data), a staff member by username.
 */
@Component
class Recipients {

	private static final String STAFF = "staff:";

	private final PersonalData personalData;

	Recipients(PersonalData personalData) {
		this.personalData = personalData;
	}

	String of(Subject subject) {
		return (subject.person() != null) ? this.personalData.blindIndex(subject.person()) : subject.business().value();
	}

	/** The person or business an account speaks for, else the staff member. */
	String of(OneVisitUser user) {
		return user.subject().map(this::of).orElse(STAFF + user.getUsername());
	}

}
