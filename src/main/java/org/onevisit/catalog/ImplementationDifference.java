package org.onevisit.catalog;

/**
 * One attribute in which two regions' implementations of one basic item differ, and
 * whether the province allows it (同一事项无差别 report).
 */
public record ImplementationDifference(String basicCode, String basicName, ImplementationField field, String itemCode,
		String regionCode, String value, String otherItemCode, String otherRegionCode, String otherValue,
		boolean allowed) {

}
