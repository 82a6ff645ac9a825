package org.onevisit.licences;

import java.time.Instant;

/**
 * The answer to whether a licence is genuine and standing: valid, or the first reason it
 * is not, in the order a verifier checks them.
 */
public record Verification(boolean valid, Failure failure, Licence licence, Instant revokedAt,
		String revocationReason) {

	/** Why a licence does not verify; the codes are stable and documented. */
	public enum Failure {

		/** Not a licence document: not JSON, a value that is not text, no proof. */
		MALFORMED("malformed"),
		/** Signed with a key the platform never published. */
		UNKNOWN_KEY("unknown_key"),
		/** The signature does not match the content: something was changed. */
		SIGNATURE_MISMATCH("signature_mismatch"),
		/** Genuine, but replaced by a newer licence (换发), which the answer names. */
		SUPERSEDED("superseded"),
		/** Genuine, but the issuing department withdrew it. */
		REVOKED("revoked"),
		/** Genuine, but past its validity. */
		EXPIRED("expired"),
		/** Signed correctly, but no such licence was issued (its record is gone). */
		NOT_ISSUED("not_issued");

		private final String code;

		Failure(String code) {
			this.code = code;
		}

		public String code() {
			return this.code;
		}

	}

	public static Verification valid(Licence licence) {
		return new Verification(true, null, licence, null, null);
	}

	public static Verification invalid(Failure failure, Licence licence) {
		Licence.Revocation revocation = (licence != null) ? licence.revocation() : null;
		return new Verification(false, failure, licence, (revocation != null) ? revocation.at() : null,
				(revocation != null) ? revocation.reason() : null);
	}

}
