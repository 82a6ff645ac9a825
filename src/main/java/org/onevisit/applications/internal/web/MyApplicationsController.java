package org.onevisit.applications.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.applications.MaterialRecord;
import org.onevisit.applications.SupplementAnswer;
import org.onevisit.applications.Task;
import org.onevisit.applications.Uploads;
import org.onevisit.applications.WriteBacks;
import org.onevisit.catalog.BundleField;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.FormField;
import org.onevisit.identity.Actor;
import org.onevisit.platform.PageRefusals;
import org.onevisit.shared.WorkingDays;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
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

	private final Uploads uploads;

	MyApplicationsController(ApplicationManagement applications, Catalogue catalogue, Clock clock, WorkingDays days,
			PageRefusals refusals, ObjectProvider<WriteBacks> writeBacks, Uploads uploads) {
		this.uploads = uploads;
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
		Application application = (Application) model.getAttribute("matter");
		if (application.status() == ApplicationStatus.WAITING_FOR_SUPPLEMENT) {
			// each item asked with its own control: the fields' definitions, the
			// materials as they stand, and the last day to answer
			Map<String, FormField> fields = new LinkedHashMap<>();
			formFieldsOf(application).forEach((field) -> fields.put(field.name(), field));
			Map<String, MaterialRecord> materials = new LinkedHashMap<>();
			application.materials().forEach((material) -> materials.put(material.code(), material));
			model.addAttribute("fields", fields);
			model.addAttribute("materials", materials);
			model.addAttribute("supplementDue",
					application.tasks()
						.stream()
						.map(Task::supplementDue)
						.filter(Objects::nonNull)
						.min(Comparator.naturalOrder())
						.orElse(null));
		}
		return "my/application";
	}

	private List<FormField> formFieldsOf(Application application) {
		if (application.bundleCode() != null) {
			return this.catalogue.bundle(application.bundleCode())
				.content()
				.fields()
				.stream()
				.map(BundleField::asField)
				.toList();
		}
		Task task = application.tasks().get(0);
		return this.catalogue.item(task.plan().itemCode(), task.plan().itemVersion()).content().form().fields();
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

	/**
	 * The applicant's answer, item by item: a file for each material asked
	 * ({@code material.<code>}), a value for each field ({@code field.<name>}). The files
	 * are stored first; a refused one, or an answer refused, files nothing, and the
	 * uploads left are deleted after a day.
	 */
	@PostMapping("/my/applications/{id}/supplement")
	String supplement(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> parameters,
			HttpServletRequest request, Actor actor, RedirectAttributes redirect, Locale locale) {
		return act(id, redirect, locale, "my.supplied", () -> {
			Map<String, String> materials = new LinkedHashMap<>();
			if (request instanceof MultipartRequest multipart) {
				multipart.getFileMap().forEach((name, file) -> {
					if (name.startsWith("material.") && !file.isEmpty()) {
						materials.put(name.substring("material.".length()), store(file, actor));
					}
				});
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			parameters.forEach((name, values) -> {
				if (name.startsWith("field.") && !values.isEmpty()) {
					fields.put(name.substring("field.".length()), values.get(0));
				}
			});
			this.applications.provideSupplement(new ApplicationId(id), new SupplementAnswer(materials, fields), actor);
		});
	}

	private String store(MultipartFile file, Actor actor) {
		try (InputStream content = file.getInputStream()) {
			return this.uploads.store(actor.username(), file.getOriginalFilename(), content).id().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
