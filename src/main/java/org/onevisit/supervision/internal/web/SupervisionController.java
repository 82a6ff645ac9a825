package org.onevisit.supervision.internal.web;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.onevisit.audit.SecurityLog;
import org.onevisit.audit.SecurityEvent.CaseViewed;
import org.onevisit.identity.Actor;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.catalog.Department;
import org.onevisit.catalog.Directory;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.queues.Halls;
import org.onevisit.supervision.Supervision;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisor's pages: the board of every department's yellow and red tasks, the full
 * trail of any case; and each department's warnings in its reviewers' pages.
 */
@Controller
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
			Model model) {
		String chosen = (department == null || department.isBlank()) ? null : department;
		String chosenHall = (hall == null || hall.isBlank()) ? null : hall;
		model.addAttribute("board", this.supervision.board());
		model.addAttribute("hallBoard", this.supervision.hallBoard());
		model.addAttribute("hallNames", this.halls.names());
		model.addAttribute("tasks", this.supervision.watchList(chosen, chosenHall));
		model.addAttribute("department", chosen);
		model.addAttribute("hall", chosenHall);
		model.addAttribute("departments", departmentNames());
		return "supervision/board";
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
		model.addAttribute("departments", departmentNames());
		return "supervision/trail";
	}

	@GetMapping("/review/warnings")
	String warnings(@AuthenticationPrincipal OneVisitUser reviewer, Model model) {
		model.addAttribute("warnings", this.supervision.warningsTo(reviewer.departmentCode().orElseThrow()));
		return "supervision/warnings";
	}

	private Map<String, String> departmentNames() {
		return this.directory.departments().stream().collect(Collectors.toMap(Department::code, Department::name));
	}

}
