package org.onevisit.identity;

import java.util.Optional;

import org.onevisit.shared.Subject;

/**
 * Who acts on an application: the applicant (with the person or business they are, when
 * known), a clerk at a hall, a department's reviewer (with the department they act for),
 * or the platform itself.
 */
public record Actor(String username, Kind kind, String departmentCode, Subject subject) {

	public enum Kind {

		APPLICANT, CLERK, REVIEWER, SUPERVISOR, PLATFORM

	}

	public static Actor applicant(String username) {
		return new Actor(username, Kind.APPLICANT, null, null);
	}

	/**
	 * An applicant who is also the person or business a matter is about: they see it even
	 * when a clerk or an agent filed it for them.
	 */
	public static Actor applicant(String username, Subject subject) {
		return new Actor(username, Kind.APPLICANT, null, subject);
	}

	public static Actor clerk(String username) {
		return new Actor(username, Kind.CLERK, null, null);
	}

	/** A supervisor (电子监察) reads every case and its trail, and decides nothing. */
	public static Actor supervisor(String username) {
		return new Actor(username, Kind.SUPERVISOR, null, null);
	}

	public static Actor reviewer(String username, String departmentCode) {
		return new Actor(username, Kind.REVIEWER, departmentCode, null);
	}

	/**
	 * The actor a signed-in user is: a reviewer for their department, a clerk, or else an
	 * applicant.
	 */
	public static Actor of(OneVisitUser user) {
		if (user.hasRole(Role.REVIEWER)) {
			return reviewer(user.getUsername(), user.departmentCode().orElseThrow());
		}
		if (user.hasRole(Role.CLERK)) {
			return clerk(user.getUsername());
		}
		if (user.hasRole(Role.SUPERVISOR)) {
			return supervisor(user.getUsername());
		}
		return applicant(user.getUsername(), user.subject().orElse(null));
	}

	/** The platform acting on its own, such as the exchange recording fetched data. */
	public static Actor system() {
		return new Actor("onevisit", Kind.PLATFORM, null, null);
	}

	public Optional<String> department() {
		return Optional.ofNullable(this.departmentCode);
	}

}
