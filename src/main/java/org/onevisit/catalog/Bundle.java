package org.onevisit.catalog;

import java.util.List;

/**
 * One thing, one go (一件事): a life event whose items, owned by several departments, are
 * applied for with one form and one set of materials and reviewed in parallel.
 */
public record Bundle(String code, String name, String description, List<String> keywords, List<String> itemCodes,
		List<BundleField> fields, List<Party> parties) {

	public Bundle {
		keywords = (keywords != null) ? List.copyOf(keywords) : List.of();
		itemCodes = (itemCodes != null) ? List.copyOf(itemCodes) : List.of();
		fields = (fields != null) ? List.copyOf(fields) : List.of();
		parties = (parties != null) ? List.copyOf(parties) : List.of();
	}

}
