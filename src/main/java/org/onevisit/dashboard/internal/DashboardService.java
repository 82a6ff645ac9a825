package org.onevisit.dashboard.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.onevisit.applications.ApplicationStatistics;
import org.onevisit.applications.ApplicationStatistics.Figures;
import org.onevisit.approvals.ApprovalTraces;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.Channel;
import org.onevisit.catalog.Directory;
import org.onevisit.catalog.Region;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.dashboard.DashboardFilter;
import org.onevisit.dashboard.DashboardView;
import org.onevisit.feedback.Feedback;
import org.onevisit.queues.Queues;

import org.springframework.stereotype.Service;

/** Puts the modules' figures together for a filter. */
@Service
public class DashboardService {

	private final Catalogue catalogue;

	private final Directory directory;

	private final ApplicationStatistics statistics;

	private final Feedback feedback;

	private final ApprovalTraces approvals;

	private final Queues queues;

	private final Clock clock;

	DashboardService(Catalogue catalogue, Directory directory, ApplicationStatistics statistics, Feedback feedback,
			ApprovalTraces approvals, Queues queues, Clock clock) {
		this.catalogue = catalogue;
		this.directory = directory;
		this.statistics = statistics;
		this.feedback = feedback;
		this.approvals = approvals;
		this.queues = queues;
		this.clock = clock;
	}

	/** The filter with its period settled: the last 30 days unless given. */
	public DashboardFilter settled(DashboardFilter filter) {
		LocalDate to = (filter.to() != null) ? filter.to() : LocalDate.now(this.clock);
		LocalDate from = (filter.from() != null) ? filter.from() : to.minusDays(29);
		return new DashboardFilter(blank(filter.region()), filter.level(), blank(filter.department()),
				blank(filter.item()), from, to);
	}

	public DashboardView view(DashboardFilter requested) {
		DashboardFilter filter = settled(requested);
		List<ServiceItem> items = itemsOf(filter);
		Set<String> codes = codesOf(filter, items);
		Figures figures = this.statistics.figures(new ApplicationStatistics.Scope(codes, filter.from(), filter.to()));
		Feedback.Satisfaction satisfaction = this.feedback.satisfaction(codes, filter.from(), filter.to());
		ApprovalTraces.Rate instant = this.approvals.rate(codes, filter.from(), filter.to());
		long online = figures.filedByChannel().getOrDefault("ONLINE", 0L)
				+ figures.filedByChannel().getOrDefault("PARTNER", 0L);
		long hall = figures.filedByChannel().getOrDefault("HALL", 0L);
		long more = Math.min(hall, figures.supplementedByChannel().getOrDefault("HALL", 0L));
		int before = items.stream().mapToInt(ServiceItem::materialsBefore).sum();
		long toUpload = items.stream().mapToLong(ServiceItem::materialsToUpload).sum();
		Map<String, String> itemNames = items.stream().collect(Collectors.toMap(ServiceItem::code, ServiceItem::name));
		Map<String, String> departmentNames = this.directory.departmentNames();
		return new DashboardView(filter, items.size(),
				share(items.stream().filter((item) -> item.channels() != Channel.HALL).count(), items.size()),
				(before > 0) ? share(before - toUpload, before) : null, average(items, ServiceItem::committedLimit),
				average(items, ServiceItem::statutoryLimit), figures.filed(), figures.filedByChannel(),
				new DashboardView.Visits(online, hall - more, more), figures.finished(),
				share(figures.sameDay(), figures.finished()), share(figures.withinCommitted(), figures.finished()),
				figures.averageHours(), figures.p90HoursAtMost(), share(satisfaction.satisfied(), satisfaction.rated()),
				satisfaction.rated(), share(instant.approvedInstantly(), instant.evaluated()),
				rows(figures.byItem(), itemNames), rows(figures.byDepartment(), departmentNames),
				this.queues.demand(filter.from(), filter.to()), figures.filedByDay());
	}

	/** Filed and finished tasks per month, department and item, before suppression. */
	public List<ApplicationStatistics.MonthlyCell> monthly(DashboardFilter requested) {
		DashboardFilter filter = settled(requested);
		return this.statistics
			.monthly(new ApplicationStatistics.Scope(codesOf(filter, itemsOf(filter)), filter.from(), filter.to()));
	}

	/**
	 * The item codes the modules' figures are narrowed to; null when the filter narrows
	 * nothing, so that items no longer published still count.
	 */
	private static Set<String> codesOf(DashboardFilter filter, List<ServiceItem> items) {
		boolean everything = filter.region() == null && filter.level() == null && filter.department() == null
				&& filter.item() == null;
		return everything ? null : items.stream().map(ServiceItem::code).collect(Collectors.toSet());
	}

	List<ServiceItem> itemsOf(DashboardFilter filter) {
		List<Region> all = this.directory.regions();
		Set<String> regions = (filter.region() != null) ? Region.andBelow(filter.region(), all) : null;
		Map<String, Region> byCode = all.stream().collect(Collectors.toMap(Region::code, Function.identity()));
		return this.catalogue.publishedItems()
			.stream()
			.filter((item) -> filter.department() == null || filter.department().equals(item.departmentCode()))
			.filter((item) -> filter.item() == null || filter.item().equals(item.code()))
			.filter((item) -> regions == null || regions.contains(item.regionCode()))
			.filter((item) -> filter.level() == null || (byCode.containsKey(item.regionCode())
					&& byCode.get(item.regionCode()).level() == filter.level()))
			.toList();
	}

	private static List<DashboardView.Row> rows(Map<String, ApplicationStatistics.Handling> handling,
			Map<String, String> names) {
		return handling.entrySet()
			.stream()
			.map((entry) -> new DashboardView.Row(entry.getKey(), names.getOrDefault(entry.getKey(), entry.getKey()),
					entry.getValue().filed(), entry.getValue().finished(), entry.getValue().averageHours(),
					entry.getValue().p90HoursAtMost()))
			.sorted((a, b) -> Long.compare(b.filed(), a.filed()))
			.toList();
	}

	private static Double average(List<ServiceItem> items, ToIntFunction<ServiceItem> limit) {
		return items.isEmpty() ? null : Math.round(items.stream().mapToInt(limit).average().orElse(0) * 10) / 10.0;
	}

	private static Double share(long part, long whole) {
		return (whole == 0) ? null : Math.round(1000.0 * part / whole) / 10.0;
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
