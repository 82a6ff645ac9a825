package org.onevisit.applications;

import java.util.UUID;

import org.onevisit.shared.OneVisitException;

/**
 * A party's confirmation that cannot be recorded: someone else's (reported as not found),
 * one already given, one that must be given in person, a decline without its reason.
 */
public final class ConfirmationRefused extends OneVisitException {

	private ConfirmationRefused(String code, Kind kind, String developerMessage, Object... arguments) {
		super(code, kind, developerMessage, arguments);
	}

	public static ConfirmationRefused notFound(UUID confirmation) {
		return new ConfirmationRefused("confirmation_not_found", Kind.NOT_FOUND,
				"no confirmation " + confirmation + " for this actor");
	}

	public static ConfirmationRefused alreadyDecided(UUID confirmation) {
		return new ConfirmationRefused("confirmation_already_decided", Kind.CONFLICT,
				"confirmation " + confirmation + " was already given or declined");
	}

	public static ConfirmationRefused matterNotWaiting(ApplicationId application, ApplicationStatus status) {
		return new ConfirmationRefused("confirmation_closed", Kind.CONFLICT,
				"application " + application + " no longer waits for its parties: " + status, status.name());
	}

	public static ConfirmationRefused inPersonOnly(UUID confirmation) {
		return new ConfirmationRefused("confirmation_in_person", Kind.UNPROCESSABLE,
				"confirmation " + confirmation + " is given in person at a window");
	}

	public static ConfirmationRefused reasonMissing() {
		return new ConfirmationRefused("confirmation_reason_missing", Kind.INVALID, "a decline gives its reason");
	}

	public static ConfirmationRefused identityCheckMissing() {
		return new ConfirmationRefused("identity_check_missing", Kind.INVALID,
				"a clerk records how the party's identity was checked");
	}

	public static ConfirmationRefused passwordWrong() {
		return new ConfirmationRefused("confirmation_password_wrong", Kind.FORBIDDEN,
				"the password entered again does not match");
	}

	public static ConfirmationRefused decisionUnknown(String decision) {
		return new ConfirmationRefused("confirmation_decision_invalid", Kind.INVALID,
				"decision is ACCEPT or DECLINE, not " + decision);
	}

	public static ConfirmationRefused ownersUnknown() {
		return new ConfirmationRefused("parties_unavailable", Kind.UNAVAILABLE,
				"the property registry could not say who owns the property; try again later");
	}

}
