package org.onevisit.identity;

/** The roles of OneVisit; a reviewer always acts for exactly one department. */
public enum Role {

	APPLICANT, CLERK, REVIEWER, SUPERVISOR, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
