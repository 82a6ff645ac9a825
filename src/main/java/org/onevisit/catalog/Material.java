package org.onevisit.catalog;

/**
 * A material an item asks for, with how it is obtained: {@code dataElement} for shared
 * data (for example {@code population.household}), {@code licenceType} for a licence,
 * {@code waivedReason} for an abolished one. A licence material may also name the data
 * element that proves the same when the applicant holds no electronic licence (the real
 * estate registry's record of ownership for a property certificate). {@code of} names the
 * form field with the identifier of whose material it is, when not the applicant's.
 */
public record Material(String code, String name, MaterialSource source, String dataElement, String licenceType,
		String waivedReason, String of) {

	/** About the applicant. */
	public Material(String code, String name, MaterialSource source, String dataElement, String licenceType,
			String waivedReason) {
		this(code, name, source, dataElement, licenceType, waivedReason, null);
	}

	public static Material upload(String code, String name) {
		return new Material(code, name, MaterialSource.UPLOAD, null, null, null);
	}

	/** Whether the applicant still has to hand this in themselves. */
	public boolean burdensApplicant() {
		return this.source == MaterialSource.UPLOAD;
	}

}
