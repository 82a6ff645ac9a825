package org.onevisit.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The indicators for one filter, ready to draw. */
public record DashboardView(DashboardFilter filter, int items, Double onlineShare, Double materialsCutShare,
		Double averageCommittedLimit, Double averageStatutoryLimit, long filed, Map<String, Long> filedByChannel,
		Visits visits, long finished, Double onTheSpotShare, Double withinCommittedShare, Double averageHours,
		Integer p90HoursAtMost, Double satisfactionRate, long ratings, Double instantApprovalRate, List<Row> byItem,
		List<Row> byDepartment, Map<String, long[]> demandByHallAndHour, Map<LocalDate, Long> trend) {

	/** Matters by how many visits they took: none (online), one (at a window), more. */
	public record Visits(long zero, long one, long more) {
	}

	/** One item's or department's handling. */
	public record Row(String code, String name, long filed, long finished, Double averageHours,
			Integer p90HoursAtMost) {
	}

}
