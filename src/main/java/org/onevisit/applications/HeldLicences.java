package org.onevisit.applications;

import java.util.Optional;

import org.onevisit.shared.Subject;

/**
 * The electronic licences a subject holds, as the licence wallet knows them. Filing asks
 * it so that a licence material is satisfied by a licence already held, with no upload;
 * the licences module implements it (it depends on applications, not the other way).
 */
public interface HeldLicences {

	/** The id of the newest standing licence of this type the subject holds, if any. */
	Optional<String> standingLicence(Subject holder, String licenceType);

}
