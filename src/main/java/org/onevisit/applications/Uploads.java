package org.onevisit.applications;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * Materials applicants upload: PDF, JPEG or PNG by content, at most 20 MB each. A
 * submission names its uploads by id; only their owner may use or read them.
 */
public interface Uploads {

	long MAX_BYTES = 20L * 1024 * 1024;

	/** Stores the content if it is an accepted type within the limit; else refuses. */
	default Upload store(String owner, String originalName, InputStream content) {
		return store(owner, originalName, content, null);
	}

	/**
	 * Stores the content as {@link #store(String, String, InputStream)}, for the material
	 * named (null: for none in particular).
	 */
	Upload store(String owner, String originalName, InputStream content, String material);

	/** The upload and where its bytes are, if it is the owner's. */
	Optional<Stored> find(UUID id, String owner);

	/**
	 * The upload, if it is a material of an application one of whose tasks the department
	 * reviews.
	 */
	Optional<Stored> findForReview(UUID id, String departmentCode);

	/**
	 * An upload's record and its content, opened: on disk it is sealed, and an AEAD opens
	 * (and authenticates) the whole file at once.
	 */
	record Stored(Upload upload, byte[] content) {
	}

}
