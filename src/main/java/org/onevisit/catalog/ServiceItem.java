package org.onevisit.catalog;

import java.util.List;

/**
 * A service item (政务服务事项) as published in the standard catalogue: everything a guide
 * shows and an application is checked against. Time limits are in working days; the
 * committed limit is the shorter one the department promises, the statutory one the law
 * allows. Its {@code parties} say who the matter is about and who must confirm it;
 * {@code eligibility} holds the conditions, on registry data, under which it may be filed
 * and approved; {@code sameMatter} names the form fields that identify the matter's
 * object (a property unit, a couple), so that a second matter on it is refused while the
 * first is in progress; {@code writes} lists the changes its approval makes to registries
 * (回写); {@code applicants} who may apply for it (服务对象), a person unless the catalogue
 * says otherwise. An item is a region's implementation (实施清单) of the province's
 * {@code basicCode} item (基本目录), handled at the hall {@code hallCode} when the catalogue
 * names one; an item without a basic code stands on its own. {@code property}, when set,
 * names the property the matter is about, whose county handles a citywide matter.
 */
public record ServiceItem(String code, String name, String departmentCode, String regionCode, boolean citywide,
		List<String> legalBasis, List<String> conditions, List<Fee> fees, int statutoryLimit, int committedLimit,
		Channel channels, int visits, boolean onTheSpot, int materialsBefore, String licenceType, List<String> keywords,
		Form form, List<Material> materials, Workflow workflow, List<ApprovalRule> approvalRules, List<Party> parties,
		List<ApprovalRule> eligibility, List<String> sameMatter, List<RegistryChange> writes,
		List<ApplicantKind> applicants, String basicCode, String hallCode, MatterProperty property) {

	public ServiceItem {
		legalBasis = copy(legalBasis);
		conditions = copy(conditions);
		fees = copy(fees);
		keywords = copy(keywords);
		materials = copy(materials);
		form = (form != null) ? form : Form.EMPTY;
		workflow = (workflow != null) ? workflow : Workflow.SINGLE_DECISION;
		approvalRules = copy(approvalRules);
		parties = copy(parties);
		eligibility = copy(eligibility);
		sameMatter = copy(sameMatter);
		writes = copy(writes);
		applicants = (applicants != null && !applicants.isEmpty()) ? List.copyOf(applicants)
				: List.of(ApplicantKind.PERSON);
	}

	/** Whether this item implements a basic item of the province's catalogue. */
	public boolean implementsBasicItem() {
		return this.basicCode != null;
	}

	/** Whether the item is offered to this kind of applicant. */
	public boolean offeredTo(ApplicantKind kind) {
		return this.applicants.contains(kind);
	}

	/** Whether a task of this item may be approved by its rules, without a person. */
	public boolean instantlyApprovable() {
		return !this.approvalRules.isEmpty();
	}

	/** Materials the applicant still hands in themselves. */
	public long materialsToUpload() {
		return this.materials.stream().filter(Material::burdensApplicant).count();
	}

	public boolean free() {
		return this.fees.isEmpty();
	}

	private static <T> List<T> copy(List<T> list) {
		return (list != null) ? List.copyOf(list) : List.of();
	}

}
