package org.onevisit.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * An item of the province's basic catalogue (基本目录): its code, name and legal basis, which
 * every region's implementation (实施清单) keeps, the attributes the province fixes so that
 * the item is the same everywhere (同一事项无差别), and the bounds within which a region may set
 * the rest: the longest committed limit and the highest fee.
 */
public record BasicItem(String code, String name, List<String> legalBasis, Set<ImplementationField> fixed,
		Integer maxCommitted, BigDecimal maxFee) {

	public BasicItem {
		legalBasis = (legalBasis != null) ? List.copyOf(legalBasis) : List.of();
		fixed = (fixed != null) ? Set.copyOf(fixed) : Set.of();
	}

	/** Whether implementations must agree on this attribute. */
	public boolean fixes(ImplementationField field) {
		return this.fixed.contains(field);
	}

}
