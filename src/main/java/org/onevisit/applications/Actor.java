package org.onevisit.applications;

import java.util.Optional;

/**
 * Who acts on an application: the applicant, a clerk at a hall, a department's reviewer
 * (with the department they act for), or the platform itself.
 */
public record Actor(String username, Kind kind, String departmentCode) {

	public enum Kind {

		APPLICANT, CLERK, REVIEWER, PLATFORM

	}

	public static Actor applicant(String username) {
		return new Actor(username, Kind.APPLICANT, null);
	}

	public static Actor clerk(String username) {
		return new Actor(username, Kind.CLERK, null);
	}

	public static Actor reviewer(String username, String departmentCode) {
		return new Actor(username, Kind.REVIEWER, departmentCode);
	}

	public Optional<String> department() {
		return Optional.ofNullable(this.departmentCode);
	}

}
