package org.onevisit.catalog;

/**
 * A party to a matter, as catalogue data: the form field that holds their identifier,
 * their role in the matter (申请人, 卖方, 共有人, 买方, 配偶, 纳税人…), whether and how the matter waits
 * for them to confirm it before any department reviews it, and where their identity comes
 * from. A party who is the filer confirms by filing (at a window, where the item asks for
 * them in person).
 *
 * @param field the form field holding the party's resident ID or credit code; for
 * {@link Source#REGISTERED_OWNERS}, the field naming the owner whose property record is
 * read; may be {@code null} only for {@link Source#FILER}
 * @param role the party's role, whose label is {@code catalog.party.role.<role>} in the
 * message bundles
 * @param confirmation whether and how the party confirms
 * @param from where the party's identity comes from
 * @param property for {@link Source#REGISTERED_OWNERS}, the form field naming the
 * property (its certificate number), so that the owners of that property, and of no
 * other, are parties; {@code null} otherwise
 */
public record Party(String field, Role role, Confirmation confirmation, Source from, String property) {

	public Party {
		confirmation = (confirmation != null) ? confirmation : Confirmation.NONE;
		from = (from != null) ? from : ((field != null) ? Source.FORM : Source.FILER);
	}

	/** A party named by a form field. */
	public static Party named(String field, Role role, Confirmation confirmation) {
		return new Party(field, role, confirmation, Source.FORM, null);
	}

	/** Whether the matter waits for this party. */
	public boolean confirms() {
		return this.confirmation != Confirmation.NONE;
	}

	/** Roles a party plays; labels are in the catalog message bundles. */
	public enum Role {

		APPLICANT, SELLER, CO_OWNER, BUYER, SPOUSE, HUSBAND, WIFE, TAXPAYER, LEGAL_REPRESENTATIVE, GUARDIAN, LANDLORD,
		TENANT, MORTGAGOR, MORTGAGEE, OPERATOR, PRINCIPAL, HANDLER, HOLDER, ENTERPRISE, MOTHER, FATHER, ELDER, INSURED,
		DOCTOR, INSTITUTION, DEVELOPER, BUILDER, CONTRACTOR

	}

	/** Whether and how a party confirms the matter before review. */
	public enum Confirmation {

		/** Named in the matter, not asked. */
		NONE,
		/** In their own 我的空间, or at a window. */
		ONLINE_OR_HALL,
		/** Only in person at a window, identity checked by the clerk (婚姻登记). */
		IN_PERSON

	}

	/** Where a party's identity comes from. */
	public enum Source {

		/** The person or business the matter is filed for. */
		FILER,
		/** The identifier entered in the form field. */
		FORM,
		/**
		 * Every registered owner, in the property registry, of the property the matter is
		 * about other than those already named (共有人).
		 */
		REGISTERED_OWNERS

	}

}
