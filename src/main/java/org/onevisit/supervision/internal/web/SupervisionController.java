package org.onevisit.supervision.internal.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.onevisit.audit.SecurityLog;
import org.onevisit.audit.SecurityEvent.CaseViewed;
import org.onevisit.identity.Actor;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.catalog.Directory;
import org.onevisit.catalog.RegionLevel;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.queues.Halls;
import org.onevisit.supervision.SupervisedTask;
import org.onevisit.supervision.Supervision;
import org.onevisit.supervision.Supervision.Counts;
import org.onevisit.supervision.Supervision.Scope;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisor's pages: the board of every department's yellow and red tasks, the full
 * trail of any case; and each department's warnings in its reviewers' pages.
 */
@Controller
@Tag(name = "Supervision", description = "Electronic supervision: yellow and red tasks by department, hall and region")
class SupervisionController {

	private final Supervision supervision;

	private final ApplicationManagement applications;

	private final Directory directory;

	private final Halls halls;

	private final SecurityLog securityLog;

	SupervisionController(Supervision supervision, ApplicationManagement applications, Directory directory, Halls halls,
			SecurityLog securityLog) {
		this.securityLog = securityLog;
		this.supervision = supervision;
		this.applications = applications;
		this.directory = directory;
		this.halls = halls;
	}

	@GetMapping("/supervision")
	String board(@RequestParam(required = false) String department, @RequestParam(required = false) String hall,
			@RequestParam(required = false) String region, @RequestParam(required = false) RegionLevel level,
			Model model) {
		Scope scope = new Scope(department, hall, region, level);
		model.addAttribute("board", this.supervision.board(scope));
		model.addAttribute("hallBoard", this.supervision.hallBoard(scope));
		model.addAttribute("hallNames", this.halls.names());
		model.addAttribute("tasks", this.supervision.watchList(scope));
		model.addAttribute("department", scope.department());
		model.addAttribute("hall", scope.hall());
		model.addAttribute("scope", scope);
		model.addAttribute("regions", this.directory.regions());
		model.addAttribute("levels", RegionLevel.values());
		model.addAttribute("departments", this.directory.departmentNames());
		return "supervision/board";
	}

	/** The board and the watched tasks as the page shows them, for API clients. */
	record SupervisionView(Scope filter, Map<String, Counts> board, Map<String, Counts> hallBoard,
			List<SupervisedTask> tasks) {
	}

	@GetMapping(path = "/api/v1/supervision", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	@PreAuthorize("hasRole('SUPERVISOR')")
	@Operation(summary = "The yellow and red tasks of a department, hall, region (and the regions under it) or "
			+ "region level, most overdue first, with the counts per department and per hall of that region and level")
	SupervisionView api(@RequestParam(required = false) String department, @RequestParam(required = false) String hall,
			@RequestParam(required = false) String region, @RequestParam(required = false) RegionLevel level) {
		Scope scope = new Scope(department, hall, region, level);
		return new SupervisionView(scope, this.supervision.board(scope), this.supervision.hallBoard(scope),
				this.supervision.watchList(scope));
	}

	@PostMapping("/supervision/scan")
	String scan(RedirectAttributes redirect) {
		redirect.addFlashAttribute("sent", this.supervision.scan());
		return "redirect:/supervision";
	}

	@GetMapping("/supervision/applications/{id}")
	String trail(@PathVariable UUID id, Actor supervisor, Model model) {
		Application matter = this.applications.find(new ApplicationId(id), supervisor);
		this.securityLog.record(new CaseViewed(supervisor.username(), id.toString(), "supervision trail"));
		model.addAttribute("matter", matter);
		model.addAttribute("history", this.applications.history(matter.id(), supervisor));
		model.addAttribute("departments", this.directory.departmentNames());
		return "supervision/trail";
	}

	@GetMapping("/review/warnings")
	String warnings(@AuthenticationPrincipal OneVisitUser reviewer, Model model) {
		model.addAttribute("warnings", this.supervision.warningsTo(reviewer.departmentCode().orElseThrow()));
		return "supervision/warnings";
	}

}
