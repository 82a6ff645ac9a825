package org.onevisit.dashboard;

import java.time.LocalDate;

import org.onevisit.catalog.RegionLevel;

/**
 * What the dashboard looks at: items of a region (and the regions under it) or of a
 * region level, of a department, or one item, in a period; empty parts mean all.
 */
public record DashboardFilter(String region, RegionLevel level, String department, String item, LocalDate from,
		LocalDate to) {
}
