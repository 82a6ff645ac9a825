package org.onevisit.licences;

import java.util.UUID;

import org.onevisit.shared.OneVisitException;

/**
 * A licence action that is not allowed. A licence someone may not see is reported as not
 * found.
 */
public final class LicenceRefused extends OneVisitException {

	private LicenceRefused(String code, Kind kind, String developerMessage, Object... arguments) {
		super(code, kind, developerMessage, arguments);
	}

	public static LicenceRefused notFound(UUID licence) {
		return new LicenceRefused("licence_not_found", Kind.NOT_FOUND, "no licence " + licence + " for this actor");
	}

	public static LicenceRefused alreadyRevoked(UUID licence) {
		return new LicenceRefused("licence_already_revoked", Kind.CONFLICT, "licence " + licence + " is revoked");
	}

	public static LicenceRefused reasonRequired() {
		return new LicenceRefused("revocation_reason_required", Kind.INVALID, "a revocation needs a reason");
	}

}
