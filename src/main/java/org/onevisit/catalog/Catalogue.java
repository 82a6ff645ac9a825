package org.onevisit.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The published catalogue, as citizens, applications and other modules read it. Versions
 * stay readable after they are superseded, so an application is judged by the version it
 * was filed under.
 */
public interface Catalogue {

	/**
	 * The published version of an item; {@link CatalogueEntryNotFound} if there is none.
	 */
	Versioned<ServiceItem> item(String code);

	/** A given version of an item, whatever its status now. */
	Versioned<ServiceItem> item(String code, int version);

	List<ServiceItem> publishedItems();

	/**
	 * A region's published implementation of a basic item (实施清单), coded by the region and
	 * the basic code.
	 */
	default Optional<Versioned<ServiceItem>> implementation(String basicCode, String regionCode) {
		try {
			Versioned<ServiceItem> found = item(regionCode + "-" + basicCode);
			return basicCode.equals(found.content().basicCode()) ? Optional.of(found) : Optional.empty();
		}
		catch (CatalogueEntryNotFound ex) {
			return Optional.empty();
		}
	}

	/**
	 * The regions that publish an implementation of the basic item (实施清单), each once:
	 * where else a matter of it may be handled.
	 */
	default Set<String> implementingRegions(String basicCode) {
		return publishedItems().stream()
			.filter((item) -> basicCode.equals(item.basicCode()))
			.map(ServiceItem::regionCode)
			.collect(Collectors.toSet());
	}

	/** A licence type by its name, as items name the licence they issue. */
	Optional<LicenceType> licenceType(String name);

	List<LicenceType> licenceTypes();

	Versioned<Bundle> bundle(String code);

	Versioned<Bundle> bundle(String code, int version);

	List<Bundle> publishedBundles();

	/**
	 * What a matter is called: its bundle's published name, or its item's when it is a
	 * single item; {@link CatalogueEntryNotFound} if that is not published.
	 */
	default String matterName(String bundleCode, String itemCode) {
		return (bundleCode != null) ? bundle(bundleCode).content().name() : item(itemCode).content().name();
	}

	/** The published item's name; its code once no version of it is published. */
	default String itemName(String code) {
		try {
			return item(code).content().name();
		}
		catch (CatalogueEntryNotFound ex) {
			return code;
		}
	}

	/** The published items a bundle combines, in its order. */
	List<ServiceItem> itemsOf(Bundle bundle);

	/**
	 * A bundle's one set of materials: each material once, with the items that need it.
	 */
	List<BundleMaterial> materialsOf(Bundle bundle);

	/** Guides ranked for a query in the citizen's own words. */
	List<SearchHit> search(String query, int limit);

	CatalogueIndicators indicators();

}
