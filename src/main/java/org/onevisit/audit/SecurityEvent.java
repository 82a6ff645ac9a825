package org.onevisit.audit;

import org.onevisit.shared.ResidentId;

/**
 * Something the security log keeps: who did it, to what, and a few words on how. Nothing
 * here holds a password, a token or a whole resident ID: people are named by username,
 * and a person looked up by a clerk by their masked ID.
 */
public sealed interface SecurityEvent {

	/** The kinds a supervisor filters by; their names are stored and stable. */
	enum Kind {

		LOGIN_SUCCEEDED, LOGIN_FAILED, ACCESS_REFUSED, CASE_VIEWED, PERSONAL_DATA_VIEWED, KEY_USED,
		CONFIGURATION_CHANGED, ACCOUNT_CHANGED

	}

	Kind kind();

	/** The username acting, or {@code anonymous}. */
	String actor();

	/** What was acted on: a case, a masked person, a key, a configuration entry. */
	String subject();

	/** How: a reason, a purpose, a request path. */
	String detail();

	/** A login that held: page or API, from this address. */
	record LoginSucceeded(String actor, String address) implements SecurityEvent {

		@Override
		public Kind kind() {
			return Kind.LOGIN_SUCCEEDED;
		}

		@Override
		public String subject() {
			return this.actor;
		}

		@Override
		public String detail() {
			return this.address;
		}

	}

	/** A login refused: a wrong password, an unknown name, a throttled address. */
	record LoginFailed(String actor, String address, String reason) implements SecurityEvent {

		@Override
		public Kind kind() {
			return Kind.LOGIN_FAILED;
		}

		@Override
		public String subject() {
			return this.actor;
		}

		@Override
		public String detail() {
			return this.reason + " " + this.address;
		}

	}

	/** A signed-in person sent where their role does not reach (a 403). */
	record AccessRefused(String actor, String method, String path) implements SecurityEvent {

		@Override
		public Kind kind() {
			return Kind.ACCESS_REFUSED;
		}

		@Override
		public String subject() {
			return this.path;
		}

		@Override
		public String detail() {
			return this.method + " " + this.path;
		}

	}

	/*
	 * The events below name what they are about and how as the subject and the detail
	 * themselves; the ones above compose them.
	 */

	/**
	 * Staff read a case (the subject): a reviewer its task, a supervisor its trail, a
	 * clerk or a department system an application; the detail names the view.
	 */
	record CaseViewed(String actor, String subject, String detail) implements SecurityEvent {

		@Override
		public Kind kind() {
			return Kind.CASE_VIEWED;
		}

	}

	/**
	 * Staff looked a person up by resident ID (at the window, say): the subject is the
	 * masked ID, the detail the purpose.
	 */
	record PersonalDataViewed(String actor, String subject, String detail) implements SecurityEvent {

		public PersonalDataViewed(String actor, ResidentId person, String purpose) {
			this(actor, person.masked(), purpose);
		}

		@Override
		public Kind kind() {
			return Kind.PERSONAL_DATA_VIEWED;
		}

	}

	/**
	 * A key (the subject, by its id) signed, opened or was rotated; the signing module
	 * reports each use, the detail.
	 */
	record KeyUsed(String actor, String subject, String detail) implements SecurityEvent {

		@Override
		public Kind kind() {
			return Kind.KEY_USED;
		}

	}

	/**
	 * A change (the detail) to an account's (the subject's) means of authentication: a
	 * password changed or recovered, a mobile number or identity verified, a second
	 * factor enrolled or reset, a recovery code used, an API token issued or revoked.
	 */
	record AccountChanged(String actor, String subject, String detail) implements SecurityEvent {

		@Override
		public Kind kind() {
			return Kind.ACCOUNT_CHANGED;
		}

	}

	/**
	 * What administrators change (the detail) in an entry (the subject): a catalogue
	 * import, a published or retired entry, a policy switched.
	 */
	record ConfigurationChanged(String actor, String subject, String detail) implements SecurityEvent {

		@Override
		public Kind kind() {
			return Kind.CONFIGURATION_CHANGED;
		}

	}

}
