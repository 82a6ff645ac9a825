package org.onevisit.catalog;

/**
 * How a material reaches the department (材料来源). Only {@code UPLOAD} is still the
 * applicant's burden; the others are the reform's cuts at the source.
 */
public enum MaterialSource {

	/** The applicant provides it. */
	UPLOAD,
	/** Fetched from a department registry's data element (免提交). */
	SHARED_DATA,
	/** Satisfied by an electronic licence the applicant already holds. */
	LICENCE,
	/** Abolished: no legal basis requires it any more. */
	WAIVED

}
