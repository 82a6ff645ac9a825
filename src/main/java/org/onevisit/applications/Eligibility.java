package org.onevisit.applications;

import java.util.List;
import java.util.Map;

import org.onevisit.catalog.ApprovalRule;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.shared.Subject;

/**
 * Judges the conditions of eligibility an item declares in the catalogue, on the
 * registries' data read at that moment: at filing, and again before a task's last
 * approval. Filing and deciding ask it; the module that reads registries (approvals)
 * implements it, since it depends on applications and not the other way. Every read is on
 * the access ledger with the purpose "eligibility check for" the item and on whose
 * behalf.
 */
public interface Eligibility {

	/**
	 * Every condition of the items, in their order; items without conditions read
	 * nothing.
	 * @param filer the person or business that files (for conditions that name them)
	 * @param onBehalfOf the account on whose behalf the registries are read
	 * @param reference the matter's tracking number, or what stands for it before one is
	 * drawn
	 */
	default List<Judgement> judge(List<Concern> concerns, Subject filer, String onBehalfOf, String reference) {
		return judge(concerns, filer, null, onBehalfOf, reference);
	}

	/**
	 * Every condition as {@link #judge(List, Subject, String, String)}, where a partner
	 * files for the subject under a mandate.
	 * @param partner the credit code of the partner organisation that files, or null
	 * where none does (for conditions on the filing partner)
	 */
	List<Judgement> judge(List<Concern> concerns, Subject filer, String partner, String onBehalfOf, String reference);

	/** An item and its own form (for a bundle: the bundle's form mapped to the item). */
	record Concern(ServiceItem item, Map<String, Object> form) {

		public Concern {
			form = Map.copyOf(form);
		}

		/**
		 * The item as filed in a bundle (when {@code bundle} is not null): its part of
		 * the bundle's one form, as {@link FormCheck#itemForm} gives each item (the
		 * owning county's implementation the part of the item it took over).
		 */
		public static Concern of(ServiceItem item, Bundle bundle, Map<String, Object> form) {
			if (bundle == null) {
				return new Concern(item, form);
			}
			return new Concern(item, FormCheck.itemForm(bundle, form, item.code()));
		}

	}

	/**
	 * One condition's verdict; {@code line} is the stored sentence a person reads: the
	 * condition in words, the answer and the registry it came from.
	 */
	record Judgement(String itemCode, ApprovalRule condition, Verdict verdict, String line) {
	}

	enum Verdict {

		HOLDS, FAILS,
		/** The data is missing, stale or unavailable: a person must look. */
		UNKNOWN

	}

}
