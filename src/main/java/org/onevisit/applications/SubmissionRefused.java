package org.onevisit.applications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onevisit.catalog.ApplicantKind;
import org.onevisit.catalog.ApprovalRule;
import org.onevisit.shared.OneVisitException;

/** A submission that cannot be filed as it stands; nothing of it was saved. */
public final class SubmissionRefused extends OneVisitException {

	private final List<FieldViolation> violations;

	private final Map<String, Object> properties;

	private SubmissionRefused(String code, Kind kind, String message, List<FieldViolation> violations,
			Object... arguments) {
		this(code, kind, message, violations, Map.of(), arguments);
	}

	private SubmissionRefused(String code, Kind kind, String message, List<FieldViolation> violations,
			Map<String, Object> properties, Object... arguments) {
		super(code, kind, message, arguments);
		this.violations = List.copyOf(violations);
		this.properties = Map.copyOf(properties);
	}

	/**
	 * The registries show that a condition of eligibility the catalogue declares does not
	 * hold; every failed condition is named at once (一次性告知), with its legal basis.
	 */
	public static SubmissionRefused eligibilityFailed(List<Eligibility.Judgement> judged) {
		List<ApprovalRule> failed = FailedConditions.distinct(judged);
		return new SubmissionRefused("eligibility_failed", Kind.UNPROCESSABLE,
				failed.size() + " condition(s) of eligibility fail: "
						+ failed.stream().map(ApprovalRule::name).toList(),
				List.of(), FailedConditions.details(failed), failed.size(), FailedConditions.sentences(failed));
	}

	/** The form breaks its definition; every violation is listed by field. */
	public static SubmissionRefused formInvalid(List<FieldViolation> violations) {
		return new SubmissionRefused("form_invalid", Kind.UNPROCESSABLE, violations.size() + " field(s) invalid",
				violations, violations.size());
	}

	/**
	 * Materials the applicant must upload and did not; all of them are named at once
	 * (一次性告知).
	 */
	public static SubmissionRefused materialsMissing(List<FieldViolation> missing) {
		return new SubmissionRefused("materials_missing", Kind.UNPROCESSABLE, missing.size() + " material(s) missing",
				missing, missing.size());
	}

	/**
	 * An upload instead of data a department holds needs a reason, which the reviewer
	 * reads.
	 */
	public static SubmissionRefused uploadReasonMissing(String materialCode, String materialName) {
		return new SubmissionRefused("upload_reason_missing", Kind.UNPROCESSABLE,
				"say why you upload " + materialCode + " instead of the registry's data",
				List.of(new FieldViolation(materialCode, "upload_reason_missing", materialName)), materialName);
	}

	/**
	 * The item (or an item of the bundle) is offered only at a hall: where to go and what
	 * to bring are named, in the text and as properties.
	 */
	public static SubmissionRefused channelNotOffered(String itemName, List<HallToVisit> halls, List<String> bring) {
		return new SubmissionRefused("channel_not_offered", Kind.UNPROCESSABLE, itemName + " is offered only at a hall",
				List.of(), Map.of("halls", halls, "bring", bring), itemName,
				String.join("; ", halls.stream().map(HallToVisit::described).toList()), String.join("; ", bring));
	}

	/**
	 * The item (or an item of the bundle) is not offered to this kind of applicant (a
	 * business filing a marriage, a person filing a business's change registration): the
	 * catalogue's 服务对象 says who may apply.
	 */
	public static SubmissionRefused applicantKindNotOffered(String itemName, ApplicantKind kind) {
		return new SubmissionRefused("applicant_kind_not_offered", Kind.UNPROCESSABLE,
				itemName + " is not offered to a " + kind.name().toLowerCase(Locale.ROOT) + " applicant", List.of(),
				Map.of("applicantKind", kind.name()), itemName, (kind == ApplicantKind.BUSINESS) ? 1 : 0);
	}

	/**
	 * A matter on the same object (the same property unit, the same couple, the same
	 * enterprise name) is still in progress: its tracking number is named.
	 */
	public static SubmissionRefused duplicateMatter(String trackingNumber) {
		return new SubmissionRefused("duplicate_matter", Kind.CONFLICT,
				"a matter on the same object is in progress: " + trackingNumber, List.of(),
				Map.of("trackingNumber", trackingNumber), trackingNumber);
	}

	/**
	 * The clerk's hall does not accept matters of the item's region (a county's hall, for
	 * an item of the city that is not citywide): the hall, the region, the item and the
	 * halls that serve the region are named.
	 */
	public static SubmissionRefused regionNotServed(String hallName, String regionName, String itemName,
			List<HallToVisit> serving) {
		return new SubmissionRefused("region_not_served", Kind.UNPROCESSABLE,
				hallName + " does not accept matters of " + regionName + ": " + itemName, List.of(),
				Map.of("halls", serving), hallName, regionName, itemName,
				String.join("; ", serving.stream().map(HallToVisit::described).toList()));
	}

	/** A window names a hall that does not exist. */
	public static SubmissionRefused hallUnknown(String hallCode) {
		return new SubmissionRefused("hall_unknown", Kind.INVALID, "no hall " + hallCode, List.of());
	}

	/** A hall where an item offered only at halls can be filed. */
	public record HallToVisit(String code, String name, String address) {

		String described() {
			return this.name + " (" + this.address + ")";
		}

	}

	/**
	 * A supplement that leaves out items the request asked for; all of them are named at
	 * once, and nothing of the answer is kept.
	 */
	public static SubmissionRefused supplementIncomplete(List<FieldViolation> missing) {
		return new SubmissionRefused("supplement_incomplete", Kind.UNPROCESSABLE,
				missing.size() + " item(s) asked for are missing", missing, missing.size());
	}

	/** A supplement that gives items nobody asked for: nothing of it is kept. */
	public static SubmissionRefused supplementNotAsked(List<String> names) {
		return new SubmissionRefused("supplement_not_asked", Kind.UNPROCESSABLE, "not asked for: " + names,
				names.stream().map((name) -> new FieldViolation(name, "supplement_not_asked", name)).toList(),
				names.size());
	}

	public static SubmissionRefused neitherItemNorBundle() {
		return new SubmissionRefused("submission_invalid", Kind.INVALID, "name exactly one item or one bundle",
				List.of());
	}

	public static SubmissionRefused applicantInvalid() {
		return new SubmissionRefused("applicant_invalid", Kind.INVALID,
				"the applicant is a person (residentId) or a business (creditCode), not both", List.of());
	}

	public static SubmissionRefused idempotencyKeyReused() {
		return new SubmissionRefused("idempotency_key_reused", Kind.UNPROCESSABLE,
				"this key was used for a different submission", List.of());
	}

	public static SubmissionRefused stillInProgress() {
		return new SubmissionRefused("request_in_progress", Kind.CONFLICT,
				"a submission with this key is still being processed", List.of());
	}

	public List<FieldViolation> violations() {
		return this.violations;
	}

	@Override
	public Map<String, Object> details() {
		if (this.violations.isEmpty()) {
			return this.properties;
		}
		Map<String, Object> details = new LinkedHashMap<>(this.properties);
		details.put("errors", this.violations);
		return details;
	}

}
