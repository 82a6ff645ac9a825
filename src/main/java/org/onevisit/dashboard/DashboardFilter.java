package org.onevisit.dashboard;

import java.time.LocalDate;

import org.onevisit.catalog.RegionLevel;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the dashboard looks at: items of a region (and the regions under it) or of a
 * region level, of a department, or one item, in a period; empty parts mean all. Bound
 * from the query string as it is.
 */
public record DashboardFilter(String region, RegionLevel level, String department, String item,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
}
