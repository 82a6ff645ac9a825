package org.onevisit.applications;

import org.onevisit.shared.OneVisitException;

/** An upload that is not kept: nothing of it is stored. */
public final class UploadRefused extends OneVisitException {

	private UploadRefused(String code, String message, Object... arguments) {
		this(code, Kind.UNPROCESSABLE, message, arguments);
	}

	private UploadRefused(String code, Kind kind, String message, Object... arguments) {
		super(code, kind, message, arguments);
	}

	public static UploadRefused typeNotAllowed(String originalName, String detected) {
		return new UploadRefused("upload_type_not_allowed",
				originalName + " is " + detected + "; only PDF, JPEG and PNG are accepted", originalName, detected);
	}

	public static UploadRefused tooLarge(String originalName) {
		return new UploadRefused("upload_too_large", Kind.TOO_LARGE, originalName + " is larger than 20 MB",
				originalName, 20);
	}

	public static UploadRefused empty(String originalName) {
		return new UploadRefused("upload_empty", originalName + " is empty", originalName);
	}

	/** An upload made for one material, named for another. */
	public static UploadRefused otherMaterial(String reference, String materialName) {
		return new UploadRefused("upload_other_material", "upload " + reference + " was made for another material",
				reference, materialName);
	}

	public static UploadRefused unknown(String reference) {
		return new UploadRefused("upload_unknown", "no upload " + reference + " of yours", reference);
	}

}
