package org.onevisit.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One thing, one go (一件事): a life event whose items, owned by several departments, are
 * applied for with one form and one set of materials and reviewed in parallel. An item
 * that {@code needs} another's result (a food permit needs the business licence) is
 * reviewed only once that result is issued; everything else runs in parallel.
 */
public record Bundle(String code, String name, String description, List<String> keywords, List<String> itemCodes,
		List<BundleField> fields, List<Party> parties, Map<String, List<String>> needs) {

	public Bundle {
		keywords = (keywords != null) ? List.copyOf(keywords) : List.of();
		itemCodes = (itemCodes != null) ? List.copyOf(itemCodes) : List.of();
		fields = (fields != null) ? List.copyOf(fields) : List.of();
		parties = (parties != null) ? List.copyOf(parties) : List.of();
		// in the bundle's item order, so that the written text does not depend on hashing
		Map<String, List<String>> ordered = new LinkedHashMap<>();
		if (needs != null) {
			for (String item : itemCodes) {
				if (needs.containsKey(item)) {
					ordered.put(item, List.copyOf(needs.get(item)));
				}
			}
			for (String item : new TreeSet<>(needs.keySet())) {
				ordered.putIfAbsent(item, List.copyOf(needs.get(item)));
			}
		}
		needs = Collections.unmodifiableMap(ordered);
	}

	public Bundle(String code, String name, String description, List<String> keywords, List<String> itemCodes,
			List<BundleField> fields, List<Party> parties) {
		this(code, name, description, keywords, itemCodes, fields, parties, Map.of());
	}

	/** The items whose results this item waits for; none for most. */
	public List<String> needsOf(String itemCode) {
		return this.needs.getOrDefault(itemCode, List.of());
	}

	/**
	 * The bundle's item that a task's item handles: the item itself, or, when the county
	 * that owns the matter took over a citywide item of the bundle (全市通办), the bundle's
	 * implementation of the same basic item. An implementation is coded by its region
	 * (GB/T 2260 digits) and the basic code, as the catalogue's rules require, so the
	 * codes tell which it stands for; an item of no such code stands for itself.
	 */
	public String itemHandledBy(String itemCode) {
		if (this.itemCodes.contains(itemCode)) {
			return itemCode;
		}
		String basic = basicCodeOf(itemCode);
		if (basic == null) {
			return itemCode;
		}
		return this.itemCodes.stream().filter((code) -> basic.equals(basicCodeOf(code))).findFirst().orElse(itemCode);
	}

	/**
	 * The basic code in an implementation's code (339903-NR-001: NR-001); null if none.
	 */
	private static String basicCodeOf(String itemCode) {
		int dash = itemCode.indexOf('-');
		if (dash <= 0 || dash == itemCode.length() - 1) {
			return null;
		}
		for (int i = 0; i < dash; i++) {
			char c = itemCode.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
		}
		return itemCode.substring(dash + 1);
	}

	/** Whether some item of the bundle waits for this item's result. */
	public boolean needed(String itemCode) {
		return this.needs.values().stream().anyMatch((needed) -> needed.contains(itemCode));
	}

}
