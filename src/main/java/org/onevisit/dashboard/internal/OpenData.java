package org.onevisit.dashboard.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.onevisit.applications.ApplicationStatistics.MonthlyCell;
import org.onevisit.dashboard.DashboardFilter;

import org.springframework.stereotype.Component;

/**
 * The dashboard's aggregates as open data (政务公开): tasks filed and finished per month,
 * department and item, with the average handling time. A count under ten is published as
 * suppressed, and an average drawn from fewer than ten finished tasks with it, so that no
 * cell is about fewer than ten people.
 */
@Component
public class OpenData {

	/** The smallest count published. */
	public static final int MIN_CELL = 10;

	public static final List<String> COLUMNS = List.of("month", "department", "item", "filed", "finished",
			"averageHours");

	// RFC 4180: CRLF after each record, a value quoted only where it must be
	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get();

	private final DashboardService dashboard;

	OpenData(DashboardService dashboard) {
		this.dashboard = dashboard;
	}

	/** The rows, each column's value or null where suppressed. */
	public List<Map<String, Object>> rows(DashboardFilter filter) {
		return this.dashboard.monthly(filter).stream().map(OpenData::published).toList();
	}

	static Map<String, Object> published(MonthlyCell cell) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("month", cell.month());
		row.put("department", cell.department());
		row.put("item", cell.itemCode());
		row.put("filed", (cell.filed() >= MIN_CELL) ? cell.filed() : null);
		row.put("finished", (cell.finished() >= MIN_CELL) ? cell.finished() : null);
		row.put("averageHours", (cell.finished() >= MIN_CELL) ? cell.averageHours() : null);
		return row;
	}

	/** CSV (RFC 4180) with a suppressed cell written as {@code <10}. */
	public String csv(DashboardFilter filter) {
		return csv(rows(filter));
	}

	static String csv(List<Map<String, Object>> rows) {
		StringBuilder csv = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
			for (Map<String, Object> row : rows) {
				printer.printRecord(COLUMNS.stream().map((column) -> cell(column, row.get(column))));
			}
		}
		catch (IOException ex) {
			// a StringBuilder does not fail
			throw new UncheckedIOException(ex);
		}
		return csv.toString();
	}

	private static String cell(String column, Object value) {
		if (value == null) {
			return ("averageHours".equals(column)) ? "" : "<" + MIN_CELL;
		}
		return value.toString();
	}

}
