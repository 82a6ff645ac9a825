package org.onevisit.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An administrative region with its GB/T 2260 division code (12 digits below county
 * level, where the statistical division codes continue it) and the region it belongs to.
 */
public record Region(String code, String name, RegionLevel level, String parentCode) {

	public Region {
		if (code == null || !code.matches("\\d{6}|\\d{9}|\\d{12}")) {
			throw new IllegalArgumentException("a division code has 6, 9 or 12 digits: " + code);
		}
	}

	/** The codes of a region and of every region under it, at any depth, among these. */
	public static Set<String> andBelow(String code, List<Region> all) {
		Set<String> found = new HashSet<>(Set.of(code));
		boolean grew = true;
		while (grew) {
			grew = all.stream()
				.filter((region) -> region.parentCode() != null && found.contains(region.parentCode()))
				.map((region) -> found.add(region.code()))
				.reduce(false, Boolean::logicalOr);
		}
		return found;
	}

}
