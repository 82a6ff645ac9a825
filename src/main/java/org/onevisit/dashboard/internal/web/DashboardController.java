package org.onevisit.dashboard.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.Directory;
import org.onevisit.queues.Halls;
import org.onevisit.catalog.RegionLevel;
import org.onevisit.dashboard.DashboardFilter;
import org.onevisit.dashboard.DashboardView;
import org.onevisit.dashboard.internal.DashboardService;
import org.onevisit.dashboard.internal.OpenData;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The dashboard page with its charts (ECharts), its data for the page and for partners'
 * API clients, and the public open data.
 */
@Controller
@Tag(name = "Dashboard", description = "The reform's indicators and open data")
class DashboardController {

	private final DashboardService dashboard;

	private final OpenData openData;

	private final Catalogue catalogue;

	private final Directory directory;

	private final Halls halls;

	private final MessageSource messages;

	DashboardController(DashboardService dashboard, OpenData openData, Catalogue catalogue, Directory directory,
			Halls halls, MessageSource messages) {
		this.halls = halls;
		this.messages = messages;
		this.dashboard = dashboard;
		this.openData = openData;
		this.catalogue = catalogue;
		this.directory = directory;
	}

	@GetMapping("/supervision/dashboard")
	String page(DashboardFilter filter, Model model) {
		DashboardView view = this.dashboard.view(filter);
		model.addAttribute("view", view);
		model.addAttribute("filter", view.filter());
		model.addAttribute("regions", this.directory.regions());
		model.addAttribute("levels", RegionLevel.values());
		model.addAttribute("departments", this.directory.departments());
		model.addAttribute("items", this.catalogue.publishedItems());
		// the charts name halls by name, never by the code the figures are keyed by
		model.addAttribute("hallNames", this.halls.names());
		return "dashboard/dashboard";
	}

	/**
	 * The same view as JSON for the page's charts (signed in with the page's session).
	 */
	@GetMapping(path = "/supervision/dashboard/data", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	DashboardView pageData(DashboardFilter filter) {
		return this.dashboard.view(filter);
	}

	@GetMapping(path = "/api/v1/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	@Operation(summary = "The reform's indicators for a region, region level, department, item and period")
	DashboardView api(DashboardFilter filter) {
		return this.dashboard.view(filter);
	}

	@GetMapping(path = "/api/v1/open-data/applications.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	@Operation(summary = "Open data: tasks filed and finished per ended month, department and item, with department "
			+ "and month totals; counts under 10, and counts that would give one away, withheld (null, "
			+ "listed in each row's 'suppressed')")
	Map<String, Object> openJson(DashboardFilter requested) {
		return document(requested, OpenData.COLUMNS, this.openData.rows(requested), "dashboard.openData.note");
	}

	@GetMapping(path = "/api/v1/open-data/applications.csv")
	@Operation(summary = "The same open data as CSV; a withheld count reads 'suppressed'")
	ResponseEntity<String> openCsv(DashboardFilter requested) {
		return csv("onevisit-applications.csv", this.openData.csv(requested));
	}

	@GetMapping(path = "/api/v1/open-data/indicators.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	@Operation(summary = "Open data: the reform's indicators per region (province, city, county) and ended month; "
			+ "a share over fewer than 10 tasks or ratings withheld (null, listed in 'suppressed')")
	Map<String, Object> indicatorsJson(DashboardFilter requested) {
		return document(requested, OpenData.INDICATOR_COLUMNS, this.openData.indicators(requested),
				"dashboard.openData.indicatorsNote");
	}

	@GetMapping(path = "/api/v1/open-data/indicators.csv")
	@Operation(summary = "The same indicators as CSV; a withheld share reads 'suppressed'")
	ResponseEntity<String> indicatorsCsv(DashboardFilter requested) {
		return csv("onevisit-indicators.csv", this.openData.indicatorsCsv(requested));
	}

	private Map<String, Object> document(DashboardFilter requested, List<String> columns,
			List<Map<String, Object>> rows, String note) {
		DashboardFilter months = this.openData.closedMonths(requested);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("from", (months != null) ? months.from() : null);
		document.put("to", (months != null) ? months.to() : null);
		document.put("suppressedBelow", OpenData.MIN_CELL);
		document.put("note",
				this.messages.getMessage(note, new Object[] { OpenData.MIN_CELL }, LocaleContextHolder.getLocale()));
		document.put("columns", columns);
		document.put("rows", rows);
		return document;
	}

	private static ResponseEntity<String> csv(String fileName, String body) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
			.body(body);
	}

}
