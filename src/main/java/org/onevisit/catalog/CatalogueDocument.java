package org.onevisit.catalog;

import java.util.List;

/** A whole catalogue as administrators import and export it. */
public record CatalogueDocument(List<Region> regions, List<Department> departments, List<BasicItem> basicItems,
		List<ServiceItem> items, List<Bundle> bundles) {

	public CatalogueDocument {
		basicItems = List.copyOf(basicItems);
		regions = List.copyOf(regions);
		departments = List.copyOf(departments);
		items = List.copyOf(items);
		bundles = List.copyOf(bundles);
	}

}
