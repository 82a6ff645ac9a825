package org.onevisit.dashboard.internal.web;

import java.nio.charset.StandardCharsets;
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

	DashboardController(DashboardService dashboard, OpenData openData, Catalogue catalogue, Directory directory,
			Halls halls) {
		this.halls = halls;
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
	@Operation(
			summary = "Open data: tasks filed and finished per month, department and item; counts under 10 suppressed (null)")
	Map<String, Object> openJson(DashboardFilter requested) {
		DashboardFilter filter = this.dashboard.settled(requested);
		List<Map<String, Object>> rows = this.openData.rows(filter);
		return Map.of("from", filter.from(), "to", filter.to(), "suppressedBelow", OpenData.MIN_CELL, "columns",
				OpenData.COLUMNS, "rows", rows);
	}

	@GetMapping(path = "/api/v1/open-data/applications.csv")
	@Operation(summary = "The same open data as CSV; a suppressed count reads <10")
	ResponseEntity<String> openCsv(DashboardFilter requested) {
		DashboardFilter filter = this.dashboard.settled(requested);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"onevisit-applications.csv\"")
			.body(this.openData.csv(filter));
	}

}
