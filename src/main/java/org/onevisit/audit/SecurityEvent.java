package org.onevisit.audit;

import org.onevisit.shared.ResidentId;

/**
 * Something the security log keeps: who did it, to what, and a few words on how. Nothing
 * here holds a password, a token or a whole resident ID: people are named by username,
 * and a person looked up by a clerk by their masked ID.
 */
public sealed interface SecurityEvent {

	/**
	 * The kinds a supervisor filters by, one for each event; their names are stored and
	 * stable.
	 */
	enum Kind {

		LOGIN_SUCCEEDED(LoginSucceeded.class), LOGIN_FAILED(LoginFailed.class), ACCESS_REFUSED(AccessRefused.class),
		CASE_VIEWED(CaseViewed.class), PERSONAL_DATA_VIEWED(PersonalDataViewed.class), KEY_USED(KeyUsed.class),
		CONFIGURATION_CHANGED(ConfigurationChanged.class), ACCOUNT_CHANGED(AccountChanged.class);

		private final Class<? extends SecurityEvent> event;

		Kind(Class<? extends SecurityEvent> event) {
			this.event = event;
		}

	}

	/** The kind this event is stored under. */
	default Kind kind() {
		for (Kind kind : Kind.values()) {
			if (kind.event == getClass()) {
				return kind;
			}
		}
		// every event is listed above (SecurityEventTests)
		throw new IllegalStateException(getClass().getSimpleName() + " has no kind");
	}

	/** The username acting, or {@code anonymous}. */
	String actor();

	/** What was acted on: a case, a masked person, a key, a configuration entry. */
	String subject();

	/** How: a reason, a purpose, a request path. */
	String detail();

	/*
	 * Every event names what it is about and how as its subject and its detail; the first
	 * three compose them from what they are told.
	 */

	/** A login that held: page or API, from this address. */
	record LoginSucceeded(String actor, String subject, String detail) implements SecurityEvent {

		public static LoginSucceeded from(String actor, String address) {
			return new LoginSucceeded(actor, actor, address);
		}

	}

	/** A login refused: a wrong password, an unknown name, a throttled address. */
	record LoginFailed(String actor, String subject, String detail) implements SecurityEvent {

		public static LoginFailed from(String actor, String address, String reason) {
			return new LoginFailed(actor, actor, reason + " " + address);
		}

	}

	/** A signed-in person sent where their role does not reach (a 403). */
	record AccessRefused(String actor, String subject, String detail) implements SecurityEvent {

		public static AccessRefused to(String actor, String method, String path) {
			return new AccessRefused(actor, path, method + " " + path);
		}

	}

	/**
	 * Staff read a case (the subject): a reviewer its task, a supervisor its trail, a
	 * clerk or a department system an application; the detail names the view.
	 */
	record CaseViewed(String actor, String subject, String detail) implements SecurityEvent {

	}

	/**
	 * Staff looked a person up by resident ID (at the window, say): the subject is the
	 * masked ID, the detail the purpose.
	 */
	record PersonalDataViewed(String actor, String subject, String detail) implements SecurityEvent {

		public PersonalDataViewed(String actor, ResidentId person, String purpose) {
			this(actor, person.masked(), purpose);
		}

	}

	/**
	 * A key (the subject, by its id) signed, opened or was rotated; the signing module
	 * reports each use, the detail.
	 */
	record KeyUsed(String actor, String subject, String detail) implements SecurityEvent {

	}

	/**
	 * A change (the detail) to an account's (the subject's) means of authentication: a
	 * password changed or recovered, a mobile number or identity verified, a second
	 * factor enrolled or reset, a recovery code used, an API token issued or revoked.
	 */
	record AccountChanged(String actor, String subject, String detail) implements SecurityEvent {

	}

	/**
	 * What administrators change (the detail) in an entry (the subject): a catalogue
	 * import, a published or retired entry, a policy switched.
	 */
	record ConfigurationChanged(String actor, String subject, String detail) implements SecurityEvent {

	}

}
