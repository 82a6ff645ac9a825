package org.onevisit.catalog;

/**
 * A material an item asks for, with how it is obtained: {@code dataElement} for shared
 * data (for example {@code population.household}), {@code licenceType} for a licence,
 * {@code waivedReason} for an abolished one.
 */
public record Material(String code, String name, MaterialSource source, String dataElement, String licenceType,
		String waivedReason) {

	public static Material upload(String code, String name) {
		return new Material(code, name, MaterialSource.UPLOAD, null, null, null);
	}

	/** Whether the applicant still has to hand this in themselves. */
	public boolean burdensApplicant() {
		return this.source == MaterialSource.UPLOAD;
	}

}
