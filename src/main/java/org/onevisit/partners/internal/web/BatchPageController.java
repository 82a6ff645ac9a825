package org.onevisit.partners.internal.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import org.onevisit.identity.OneVisitUser;
import org.onevisit.partners.internal.BatchRefused;
import org.onevisit.partners.internal.BatchWorker;
import org.onevisit.partners.internal.Batches;
import org.onevisit.platform.PageRefusals;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A partner's batches on the administrator's page: partners are OAuth clients, not people
 * with accounts, so the administrator hands in a file the partner brought (under the item
 * groups it is registered for, its cases still each under a citizen's mandate) and
 * follows its progress; the partner's own software uses {@code /api/v1/batches}.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class BatchPageController {

	private final Batches batches;

	private final BatchWorker worker;

	private final PageRefusals refusals;

	BatchPageController(Batches batches, BatchWorker worker, PageRefusals refusals) {
		this.batches = batches;
		this.worker = worker;
		this.refusals = refusals;
	}

	@GetMapping("/admin/partners/{clientId}/batches")
	String batches(@PathVariable String clientId, Model model) {
		model.addAttribute("partner", this.batches.partner(clientId));
		model.addAttribute("batches", this.batches.of(clientId));
		return "partners/batches";
	}

	@PostMapping("/admin/partners/{clientId}/batches")
	String upload(@PathVariable String clientId, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal OneVisitUser admin, RedirectAttributes redirect, Locale locale)
			throws IOException {
		String content = BatchController.read(file.getInputStream());
		if (this.refusals.attempt(() -> this.batches.receiveFor(clientId, formatOf(file), content, admin.getUsername()),
				redirect, locale)) {
			this.worker.wake();
			redirect.addFlashAttribute("received", true);
		}
		return "redirect:/admin/partners/" + clientId + "/batches";
	}

	@GetMapping("/admin/partners/{clientId}/batches/{id}/progress")
	String progress(@PathVariable String clientId, @PathVariable UUID id, Model model) {
		model.addAttribute("partner", this.batches.partner(clientId));
		model.addAttribute("batch", this.batches.progress(id, clientId));
		return "partners/batches :: progress";
	}

	@GetMapping("/admin/partners/{clientId}/batches/{id}/results")
	ResponseEntity<String> results(@PathVariable String clientId, @PathVariable UUID id) {
		return BatchController.csv("batch-" + id + "-results.csv", this.batches.results(id, clientId));
	}

	@GetMapping("/admin/partners/{clientId}/batches/{id}/errors")
	ResponseEntity<String> errors(@PathVariable String clientId, @PathVariable UUID id) {
		return BatchController.csv("batch-" + id + "-errors.csv", this.batches.errors(id, clientId));
	}

	/** By the file's name (.csv, .jsonl, .ndjson), else by the type the browser gave. */
	private static Batches.Format formatOf(MultipartFile file) {
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename().toLowerCase(Locale.ROOT) : "";
		if (name.endsWith(".csv")) {
			return Batches.Format.CSV;
		}
		if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
			return Batches.Format.JSONL;
		}
		try {
			return BatchController.formatOf(file.getContentType());
		}
		catch (BatchRefused ex) {
			return null;
		}
	}

}
