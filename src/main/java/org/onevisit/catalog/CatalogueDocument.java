package org.onevisit.catalog;

import java.util.List;

/** A whole catalogue as administrators import and export it. */
public record CatalogueDocument(List<Region> regions, List<Department> departments, List<ServiceItem> items,
		List<Bundle> bundles) {

	public CatalogueDocument {
		regions = List.copyOf(regions);
		departments = List.copyOf(departments);
		items = List.copyOf(items);
		bundles = List.copyOf(bundles);
	}

}
