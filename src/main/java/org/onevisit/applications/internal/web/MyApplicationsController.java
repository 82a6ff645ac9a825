package org.onevisit.applications.internal.web;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.WriteBacks;
import org.onevisit.catalog.Catalogue;
import org.onevisit.identity.Actor;
import org.onevisit.platform.PageRefusals;
import org.onevisit.shared.WorkingDays;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's own matters (我的办件): their status, each department's part, and the
 * timeline.
 */
@Controller
@PreAuthorize("hasRole('APPLICANT')")
class MyApplicationsController {

	private final ApplicationManagement applications;

	private final Catalogue catalogue;

	private final Clock clock;

	private final WorkingDays days;

	private final PageRefusals refusals;

	private final ObjectProvider<WriteBacks> writeBacks;

	MyApplicationsController(ApplicationManagement applications, Catalogue catalogue, Clock clock, WorkingDays days,
			PageRefusals refusals, ObjectProvider<WriteBacks> writeBacks) {
		this.writeBacks = writeBacks;
		this.applications = applications;
		this.catalogue = catalogue;
		this.clock = clock;
		this.days = days;
		this.refusals = refusals;
	}

	@GetMapping("/my/applications")
	String list(Actor actor, Model model) {
		model.addAttribute("applications", this.applications.filedBy(actor));
		model.addAttribute("names", new ReviewController.ItemNames(this.catalogue));
		return "my/applications";
	}

	@GetMapping("/my/applications/{id}")
	String show(@PathVariable UUID id, Actor actor, Model model) {
		progress(id, actor, model);
		return "my/application";
	}

	/**
	 * The part of the page that changes while departments work, which the page polls
	 * (htmx) so that an applicant watching it sees each decision arrive.
	 */
	@GetMapping("/my/applications/{id}/progress")
	String progress(@PathVariable UUID id, Actor actor, Model model) {
		Application application = this.applications.find(new ApplicationId(id), actor);
		// not "application": Thymeleaf reserves it for the servlet context
		model.addAttribute("matter", application);
		// whether the registry changes of approved items are written back (回写)
		model.addAttribute("writeBacks", writeBacksOf(application));
		model.addAttribute("predicted", application.predictedCompletion(this.clock, this.days));
		model.addAttribute("history", this.applications.history(application.id(), actor));
		model.addAttribute("names", new ReviewController.ItemNames(this.catalogue));
		return "my/application :: progress";
	}

	@PostMapping("/my/applications/{id}/supplement")
	String supplement(@PathVariable UUID id, Actor actor, RedirectAttributes redirect, Locale locale) {
		return act(id, redirect, locale, "my.supplied",
				() -> this.applications.provideSupplement(new ApplicationId(id), actor));
	}

	@PostMapping("/my/applications/{id}/withdraw")
	String withdraw(@PathVariable UUID id, Actor actor, RedirectAttributes redirect, Locale locale) {
		return act(id, redirect, locale, "my.withdrawn",
				() -> this.applications.withdraw(new ApplicationId(id), actor));
	}

	private String act(UUID id, RedirectAttributes redirect, Locale locale, String notice, Runnable action) {
		if (this.refusals.attempt(action, redirect, locale)) {
			redirect.addFlashAttribute("notice", notice);
		}
		return "redirect:/my/applications/" + id;
	}

	private Map<String, WriteBacks.State> writeBacksOf(Application application) {
		WriteBacks states = this.writeBacks.getIfAvailable();
		return (states != null) ? states.of(application.id()) : Map.of();
	}

}
