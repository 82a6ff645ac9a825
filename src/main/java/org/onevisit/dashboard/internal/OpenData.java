package org.onevisit.dashboard.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.onevisit.applications.ApplicationStatistics.MonthlyCell;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.Directory;
import org.onevisit.catalog.Region;
import org.onevisit.catalog.RegionLevel;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.dashboard.DashboardFilter;
import org.onevisit.dashboard.DashboardView;

import org.springframework.stereotype.Component;

/**
 * The dashboard's aggregates as open data (政务公开), naming departments and items as the
 * public knows them: tasks filed and finished per month, department and item, with the
 * department's and the month's totals, and the reform's indicators per region and month.
 * <p>
 * Nothing published is about fewer than ten people: a count under ten is withheld, and so
 * is any other count that would let a withheld one be worked out from a total
 * ({@link Suppression}); a withheld count reads {@value #SUPPRESSED}, never a number.
 * Only months that have ended are published, so a filing never moves a published cell
 * (from 10 to 11, which would tell that one more person asked for that item): see
 * docs/open-data.md.
 */
@Component
public class OpenData {

	/** The smallest count published. */
	public static final int MIN_CELL = Suppression.MIN_CELL;

	/** What a withheld count reads in the CSV and the JSON's {@code suppressed} lists. */
	public static final String SUPPRESSED = "suppressed";

	public static final List<String> COLUMNS = List.of("month", "level", "department", "departmentName", "item",
			"itemName", "filed", "finished", "averageHours");

	public static final List<String> INDICATOR_COLUMNS = List.of("month", "region", "regionName", "regionLevel",
			"items", "onlineShare", "materialsCutShare", "timeCutShare", "onTheSpotShare", "satisfactionRate");

	/** The region levels indicators are published for (GB/T 2260 codes). */
	private static final Set<RegionLevel> INDICATOR_LEVELS = Set.of(RegionLevel.PROVINCE, RegionLevel.CITY,
			RegionLevel.COUNTY);

	private final DashboardService dashboard;

	private final Catalogue catalogue;

	private final Directory directory;

	private final Clock clock;

	OpenData(DashboardService dashboard, Catalogue catalogue, Directory directory, Clock clock) {
		this.dashboard = dashboard;
		this.catalogue = catalogue;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * The months published: those the filter asks for that have ended, by default the
	 * last twelve; null when none has.
	 */
	public DashboardFilter closedMonths(DashboardFilter filter) {
		LocalDate lastEnded = YearMonth.now(this.clock).minusMonths(1).atEndOfMonth();
		LocalDate to = (filter.to() != null && filter.to().isBefore(lastEnded))
				? YearMonth.from(filter.to()).atEndOfMonth() : lastEnded;
		LocalDate from = (filter.from() != null) ? YearMonth.from(filter.from()).atDay(1)
				: YearMonth.from(to).minusMonths(11).atDay(1);
		if (from.isAfter(to)) {
			return null;
		}
		return new DashboardFilter(blank(filter.region()), filter.level(), blank(filter.department()),
				blank(filter.item()), from, to);
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** The rows, each count a number or null where withheld, with what is withheld. */
	public List<Map<String, Object>> rows(DashboardFilter filter) {
		DashboardFilter closed = closedMonths(filter);
		if (closed == null) {
			return List.of();
		}
		Map<String, String> departments = this.directory.departmentNames();
		Map<String, String> items = this.catalogue.publishedItems()
			.stream()
			.collect(Collectors.toMap(ServiceItem::code, ServiceItem::name, (a, b) -> a));
		return published(this.dashboard.monthly(closed), (code) -> departments.getOrDefault(code, code),
				(code) -> items.getOrDefault(code, code));
	}

	/**
	 * The cells, a total per department and month after each department's items and one
	 * per month after its departments, with primary and complementary suppression applied
	 * to filed and finished alike.
	 */
	static List<Map<String, Object>> published(List<MonthlyCell> cells, Function<String, String> departmentNames,
			Function<String, String> itemNames) {
		PublishedTable table = new PublishedTable();
		Suppression.grouped(cells, MonthlyCell::month).forEach((month, ofMonth) -> {
			List<Integer> departmentTotals = new ArrayList<>();
			Suppression.grouped(ofMonth, MonthlyCell::department).forEach((department, ofDepartment) -> {
				List<Integer> parts = new ArrayList<>();
				for (MonthlyCell cell : ofDepartment) {
					parts.add(table.cell(
							row(month, "item", department, departmentNames.apply(department), cell.itemCode(),
									itemNames.apply(cell.itemCode())),
							cell.filed(), cell.finished(), (cell.averageHours() != null) ? cell.averageHours() : 0));
				}
				departmentTotals.add(table
					.total(row(month, "department", department, departmentNames.apply(department), null, null), parts));
			});
			table.total(row(month, "month", null, null, null, null), departmentTotals);
		});
		return table.published();
	}

	/**
	 * The rows with their counts and average hours, each count also in the suppression of
	 * its column, filed or finished.
	 */
	private static final class PublishedTable {

		private final List<Map<String, Object>> rows = new ArrayList<>();

		private final List<long[]> counts = new ArrayList<>();

		private final List<Double> hours = new ArrayList<>();

		private final Suppression filed = new Suppression();

		private final Suppression finished = new Suppression();

		/** A row and its figures; returns its index. */
		int cell(Map<String, Object> row, long filedCount, long finishedCount, double averageHours) {
			int index = this.rows.size();
			this.rows.add(row);
			this.counts.add(new long[] { filedCount, finishedCount });
			this.hours.add(averageHours);
			this.filed.count(filedCount);
			this.finished.count(finishedCount);
			return index;
		}

		/**
		 * A row that totals others, given by index: their counts summed, their hours
		 * averaged over the tasks finished; returns its index.
		 */
		int total(Map<String, Object> row, List<Integer> parts) {
			long filedSum = 0;
			long finishedSum = 0;
			double hoursSum = 0;
			for (int index : parts) {
				filedSum += this.counts.get(index)[0];
				finishedSum += this.counts.get(index)[1];
				hoursSum += this.hours.get(index) * this.counts.get(index)[1];
			}
			int total = cell(row, filedSum, finishedSum, (finishedSum > 0) ? hoursSum / finishedSum : 0);
			this.filed.total(total, parts);
			this.finished.total(total, parts);
			return total;
		}

		/** The rows with every count the suppression withholds left out and named. */
		List<Map<String, Object>> published() {
			Set<Integer> filedWithheld = this.filed.withheld();
			Set<Integer> finishedWithheld = this.finished.withheld();
			for (int i = 0; i < this.rows.size(); i++) {
				Map<String, Object> row = this.rows.get(i);
				List<String> withheld = new ArrayList<>();
				row.put("filed", filedWithheld.contains(i) ? null : this.counts.get(i)[0]);
				row.put("finished", finishedWithheld.contains(i) ? null : this.counts.get(i)[1]);
				// an average over fewer than ten finished tasks is about fewer than ten
				// people
				boolean hoursShown = !finishedWithheld.contains(i) && this.counts.get(i)[1] > 0;
				row.put("averageHours", hoursShown ? Math.round(this.hours.get(i) * 100) / 100.0 : null);
				if (filedWithheld.contains(i)) {
					withheld.add("filed");
				}
				if (finishedWithheld.contains(i)) {
					withheld.add("finished");
					withheld.add("averageHours");
				}
				row.put(SUPPRESSED, withheld);
			}
			return this.rows;
		}

	}

	private static Map<String, Object> row(String month, String level, String department, String departmentName,
			String item, String itemName) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("month", month);
		row.put("level", level);
		row.put("department", department);
		row.put("departmentName", departmentName);
		row.put("item", item);
		row.put("itemName", itemName);
		return row;
	}

	/**
	 * The reform's indicators per region (province, city, county) and ended month: the
	 * share of items that can be done online, of materials no longer asked for, of time
	 * cut from the statutory limits, of tasks finished the day they were filed, and of
	 * satisfied ratings; a share over fewer than ten tasks or ratings is withheld.
	 */
	public List<Map<String, Object>> indicators(DashboardFilter filter) {
		DashboardFilter closed = closedMonths(filter);
		if (closed == null) {
			return List.of();
		}
		List<Region> regions = this.directory.regions()
			.stream()
			.filter((region) -> INDICATOR_LEVELS.contains(region.level()))
			.filter((region) -> closed.region() == null || closed.region().equals(region.code()))
			.filter((region) -> closed.level() == null || closed.level() == region.level())
			.toList();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (YearMonth month = YearMonth.from(closed.from()); !month.isAfter(YearMonth.from(closed.to())); month = month
			.plusMonths(1)) {
			for (Region region : regions) {
				DashboardView view = this.dashboard.view(new DashboardFilter(region.code(), null, closed.department(),
						closed.item(), month.atDay(1), month.atEndOfMonth()));
				rows.add(indicators(month, region, view));
			}
		}
		return rows;
	}

	static Map<String, Object> indicators(YearMonth month, Region region, DashboardView view) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("month", month.toString());
		row.put("region", region.code());
		row.put("regionName", region.name());
		row.put("regionLevel", region.level().name().toLowerCase(Locale.ROOT));
		row.put("items", view.items());
		row.put("onlineShare", view.onlineShare());
		row.put("materialsCutShare", view.materialsCutShare());
		Double committed = view.averageCommittedLimit();
		Double statutory = view.averageStatutoryLimit();
		row.put("timeCutShare", (committed != null && statutory != null && statutory > 0)
				? Math.round((1 - committed / statutory) * 1000) / 1000.0 : null);
		List<String> withheld = new ArrayList<>();
		row.put("onTheSpotShare", (view.finished() >= MIN_CELL) ? view.onTheSpotShare() : null);
		if (view.finished() < MIN_CELL) {
			withheld.add("onTheSpotShare");
		}
		row.put("satisfactionRate", (view.ratings() >= MIN_CELL) ? view.satisfactionRate() : null);
		if (view.ratings() < MIN_CELL) {
			withheld.add("satisfactionRate");
		}
		row.put(SUPPRESSED, withheld);
		return row;
	}

	/** CSV (RFC 4180) with a withheld count written as {@value #SUPPRESSED}. */
	public String csv(DashboardFilter filter) {
		return csv(rows(filter));
	}

	public String indicatorsCsv(DashboardFilter filter) {
		return csv(INDICATOR_COLUMNS, indicators(filter));
	}

	static String csv(List<Map<String, Object>> rows) {
		return csv(COLUMNS, rows);
	}

	@SuppressWarnings("unchecked")
	static String csv(List<String> columns, List<Map<String, Object>> rows) {
		// RFC 4180: CRLF after each record, a value quoted only where it must be
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get();
		StringBuilder csv = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(csv, format)) {
			for (Map<String, Object> row : rows) {
				List<String> withheld = (List<String>) row.getOrDefault(SUPPRESSED, List.of());
				printer.printRecord(columns.stream().map((column) -> cell(row.get(column), withheld.contains(column))));
			}
		}
		catch (IOException ex) {
			// a StringBuilder does not fail
			throw new UncheckedIOException(ex);
		}
		return csv.toString();
	}

	private static String cell(Object value, boolean withheld) {
		if (withheld) {
			return SUPPRESSED;
		}
		return (value != null) ? value.toString() : "";
	}

}
