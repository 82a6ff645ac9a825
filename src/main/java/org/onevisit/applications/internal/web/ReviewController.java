package org.onevisit.applications.internal.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.onevisit.audit.SecurityLog;
import org.onevisit.audit.SecurityEvent.CaseViewed;
import org.onevisit.platform.PageRefusals;

import org.onevisit.applications.FilingPartners;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.Decision;
import org.onevisit.applications.InboxEntry;
import org.onevisit.applications.SupplementItem;
import org.onevisit.applications.Task;
import org.onevisit.applications.TaskId;
import org.onevisit.applications.WriteBacks;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.CatalogueEntryNotFound;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.identity.Actor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The department reviewer's back office (后台分类审批): the inbox and the case file with its
 * three actions.
 */
@Controller
@PreAuthorize("hasRole('REVIEWER')")
class ReviewController {

	private final ApplicationManagement applications;

	private final Catalogue catalogue;

	private final PageRefusals refusals;

	private final ObjectProvider<WriteBacks> writeBacks;

	private final SecurityLog securityLog;

	private final ObjectProvider<FilingPartners> partners;

	ReviewController(ApplicationManagement applications, Catalogue catalogue, PageRefusals refusals,
			ObjectProvider<WriteBacks> writeBacks, SecurityLog securityLog, ObjectProvider<FilingPartners> partners) {
		this.partners = partners;
		this.securityLog = securityLog;
		this.writeBacks = writeBacks;
		this.applications = applications;
		this.catalogue = catalogue;
		this.refusals = refusals;
	}

	/**
	 * A line of the case file's form: the question as the citizen saw it, and their
	 * answer.
	 */
	record Answer(String name, String label, Object value) {
	}

	@GetMapping("/review")
	String inbox(@RequestParam(defaultValue = "ALL") String filter, Actor actor, Model model) {
		InboxEntry.Filter chosen = Arrays.stream(InboxEntry.Filter.values())
			.filter((value) -> value.name().equals(filter))
			.findFirst()
			.orElse(InboxEntry.Filter.ALL);
		model.addAttribute("filter", chosen.name());
		model.addAttribute("filters", InboxEntry.Filter.values());
		List<InboxEntry> entries = this.applications.inbox(actor, chosen);
		model.addAttribute("entries", entries);
		// matters a partner filed are shown apart, with the partner's name (the bank
		// counter)
		Map<String, String> partnerNames = new HashMap<>();
		FilingPartners registered = this.partners.getIfAvailable();
		entries.stream()
			.filter(InboxEntry::byPartner)
			.map(InboxEntry::filedBy)
			.distinct()
			.forEach((client) -> partnerNames.put(client,
					(registered != null) ? registered.nameOf(client).orElse(client) : client));
		model.addAttribute("partnerNames", partnerNames);
		model.addAttribute("names", new ItemNames(this.catalogue));
		return "review/inbox";
	}

	@GetMapping("/review/tasks/{id}")
	String task(@PathVariable UUID id, Actor actor, Model model) {
		TaskId taskId = new TaskId(id);
		Application application = this.applications.findByTask(taskId, actor);
		this.securityLog.record(new CaseViewed(actor.username(), application.id().value().toString(), "review task"));
		Task task = application.tasks()
			.stream()
			.filter((candidate) -> candidate.id().equals(taskId))
			.findFirst()
			.orElseThrow();
		ServiceItem item = this.catalogue.item(task.plan().itemCode(), task.plan().itemVersion()).content();
		// not "application": Thymeleaf reserves it for the servlet context
		model.addAttribute("matter", application);
		// whether the registry changes of approved items are written back (回写)
		model.addAttribute("writeBacks", writeBacksOf(application));
		model.addAttribute("task", task);
		model.addAttribute("item", item);
		model.addAttribute("answers", answers(application, item));
		model.addAttribute("history", this.applications.history(application.id(), actor));
		// judged as the reviewer opens the file, on the registries' data of now
		model.addAttribute("eligibility", this.applications.eligibility(taskId, actor));
		model.addAttribute("nextSteps",
				item.workflow()
					.step(task.step())
					.map((step) -> step.next().stream().flatMap((next) -> item.workflow().step(next).stream()).toList())
					.orElse(List.of()));
		// separation of duties: a step this reviewer may not do is said in words, not
		// offered
		model.addAttribute("separatedFrom", this.applications.separatedFrom(taskId, actor).orElse(null));
		model.addAttribute("names", new ItemNames(this.catalogue));
		// what changed since this task's last supplement request, while it is reviewed
		// again
		model.addAttribute("answered",
				this.applications.supplements(application.id(), actor)
					.stream()
					.filter((supplement) -> supplement.task().equals(taskId) && supplement.answered())
					.reduce((earlier, later) -> later)
					.orElse(null));
		return "review/task";
	}

	@PostMapping("/review/tasks/{id}/decision")
	String decide(@PathVariable UUID id, @RequestParam String decision, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String missing, @RequestParam(required = false) String nextStep,
			@RequestParam long taskVersion, @RequestParam MultiValueMap<String, String> parameters, Actor actor,
			RedirectAttributes redirect, Locale locale) {
		List<String> asked = (missing == null) ? List.of()
				: missing.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
		// a material or field is asked for when the reviewer gave the reason for it
		List<SupplementItem> items = new ArrayList<>();
		parameters.forEach((name, values) -> {
			String why = values.isEmpty() ? null : values.get(0);
			if (why == null || why.isBlank()) {
				return;
			}
			if (name.startsWith("material.")) {
				items.add(new SupplementItem(SupplementItem.Kind.MATERIAL, name.substring("material.".length()), null,
						why));
			}
			else if (name.startsWith("field.")) {
				items.add(new SupplementItem(SupplementItem.Kind.FIELD, name.substring("field.".length()), null, why));
			}
		});
		boolean decided = this.refusals.attempt(
				() -> this.applications.decide(new TaskId(id), Decision.named(decision, reason, asked,
						"SUPPLEMENT".equals(decision) ? items : List.of(), nextStep), actor, taskVersion),
				redirect, locale);
		if (!decided) {
			return "redirect:/review/tasks/" + id;
		}
		redirect.addFlashAttribute("notice", "review.decided." + decision);
		return "redirect:/review";
	}

	private List<Answer> answers(Application application, ServiceItem item) {
		if (application.bundleCode() != null) {
			return this.catalogue.bundle(application.bundleCode())
				.content()
				.fields()
				.stream()
				.map((field) -> new Answer(field.name(), field.label(), application.form().get(field.name())))
				.toList();
		}
		return item.form()
			.fields()
			.stream()
			.map((field) -> new Answer(field.name(), field.label(), application.form().get(field.name())))
			.toList();
	}

	/**
	 * Item names for the pages, from the published catalogue; a retired item shows its
	 * code.
	 */
	record ItemNames(Catalogue catalogue) {

		public String bundle(String code) {
			try {
				return this.catalogue.bundle(code).content().name();
			}
			catch (CatalogueEntryNotFound ex) {
				return code;
			}
		}

		public String of(String code) {
			return this.catalogue.itemName(code);
		}

	}

	private Map<String, WriteBacks.State> writeBacksOf(Application application) {
		WriteBacks states = this.writeBacks.getIfAvailable();
		return (states != null) ? states.of(application.id()) : Map.of();
	}

}
