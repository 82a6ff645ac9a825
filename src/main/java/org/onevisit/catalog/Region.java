package org.onevisit.catalog;

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

}
