package org.onevisit.partners.internal.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.onevisit.catalog.Catalogue;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.partners.internal.Mandate;
import org.onevisit.partners.internal.MandateRefused;
import org.onevisit.partners.internal.Mandates;
import org.onevisit.platform.PageRefusals;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Mandates in 我的空间: give a partner a mandate, withdraw it, download its consent receipt,
 * and see what partners did under them. A clerk records a paper mandate at the window
 * after checking both identities.
 */
@Controller
class MandateController {

	private final Mandates mandates;

	private final Catalogue catalogue;

	private final PageRefusals refusals;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	MandateController(Mandates mandates, Catalogue catalogue, PageRefusals refusals, MessageSource messages,
			JsonMapper json, Clock clock) {
		this.clock = clock;
		this.mandates = mandates;
		this.catalogue = catalogue;
		this.refusals = refusals;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/my/mandates")
	String mine(@AuthenticationPrincipal OneVisitUser user, Model model) {
		Subject subject = user.subject().orElse(null);
		model.addAttribute("mandates", (subject != null) ? this.mandates.of(subject) : List.of());
		model.addAttribute("actions", (subject != null) ? this.mandates.actionsFor(subject) : List.of());
		model.addAttribute("today", LocalDate.now(this.clock));
		choices(model);
		return "partners/mandates";
	}

	private void choices(Model model) {
		model.addAttribute("partners", this.mandates.grantable());
		model.addAttribute("items", this.catalogue.publishedItems());
		model.addAttribute("bundles", this.catalogue.publishedBundles());
	}

	@PostMapping("/my/mandates")
	String grant(@AuthenticationPrincipal OneVisitUser user, @RequestParam String partner,
			@RequestParam(required = false) List<String> items, @RequestParam String purpose,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until, RedirectAttributes redirect,
			Locale locale) {
		this.refusals.attempt(() -> {
			if (user.limited() || user.subject().isEmpty()) {
				throw MandateRefused.noSubject();
			}
			this.mandates.grant(user.subject().get(), partner, items, purpose, until, user.getUsername());
			redirect.addFlashAttribute("granted", true);
		}, redirect, locale);
		return "redirect:/my/mandates";
	}

	@PostMapping("/my/mandates/{id}/withdrawal")
	String withdraw(@AuthenticationPrincipal OneVisitUser user, @PathVariable UUID id, RedirectAttributes redirect,
			Locale locale) {
		this.refusals.attempt(() -> {
			this.mandates.withdraw(id, user.subject().orElse(null), user.getUsername());
			redirect.addFlashAttribute("withdrawn", true);
		}, redirect, locale);
		return "redirect:/my/mandates";
	}

	/**
	 * The consent receipt, with the fields of ISO/IEC TS 27560: who gave it, to whom, for
	 * what purpose, which data, for how long, and how to withdraw it.
	 */
	@GetMapping("/my/mandates/{id}/receipt")
	ResponseEntity<byte[]> receipt(@AuthenticationPrincipal OneVisitUser user, @PathVariable UUID id, Locale locale) {
		Mandate mandate = this.mandates.ofSubject(id, user.subject().orElse(null));
		Map<String, Object> receipt = new LinkedHashMap<>();
		receipt.put("schema", "ISO/IEC TS 27560:2023");
		receipt.put("receiptId", mandate.id());
		receipt.put("receiptTimestamp", mandate.grantedAt().toString());
		receipt.put("language", locale.toLanguageTag());
		receipt.put("piiPrincipal", Map.of("id", mandate.maskedSubject(), "kind",
				(mandate.subject().person() != null) ? "person" : "business", "account", mandate.grantedBy()));
		receipt.put("piiController", Map.of("name", text("partners.receipt.controller", locale)));
		receipt.put("recipients",
				List.of(Map.of("name", mandate.partnerName(), "clientId", mandate.partnerClientId())));
		receipt.put("purposes", List.of(Map.of("purpose", mandate.purpose(), "items", mandate.items(), "legalBasis",
				text("partners.receipt.legalBasis", locale))));
		receipt.put("piiCategories", List.of(text("partners.receipt.data.identity", locale),
				text("partners.receipt.data.forms", locale), text("partners.receipt.data.outcomes", locale)));
		receipt.put("consentType", (mandate.channel() == Mandate.Channel.PAPER) ? "written" : "expressed-online");
		receipt.put("duration", Map.of("from", mandate.grantedAt().atZone(ZoneOffset.UTC).toLocalDate().toString(),
				"until", mandate.validUntil().toString()));
		receipt.put("withdrawal", Map.of("how", text("partners.receipt.withdrawal", locale), "where", "/my/mandates"));
		receipt.put("state", mandate.withdrawn() ? "withdrawn" : "given");
		if (mandate.withdrawn()) {
			receipt.put("withdrawnAt", mandate.withdrawnAt().toString());
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("mandate-" + mandate.id() + ".json", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(receipt));
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	@GetMapping("/hall/mandates")
	@PreAuthorize("hasRole('CLERK')")
	String paperForm(Model model) {
		choices(model);
		return "partners/paper-mandate";
	}

	@PostMapping("/hall/mandates")
	@PreAuthorize("hasRole('CLERK')")
	String recordPaper(@AuthenticationPrincipal OneVisitUser clerk, @RequestParam(required = false) String residentId,
			@RequestParam(required = false) String creditCode, @RequestParam String partner,
			@RequestParam(required = false) List<String> items, @RequestParam String purpose,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			@RequestParam(defaultValue = "false") boolean identitiesChecked, RedirectAttributes redirect,
			Locale locale) {
		this.refusals.attempt(() -> {
			if (!identitiesChecked) {
				throw MandateRefused.invalid();
			}
			boolean person = residentId != null && !residentId.isBlank();
			boolean business = creditCode != null && !creditCode.isBlank();
			if (person == business || (person && !ResidentId.isValid(residentId.strip()))
					|| (business && !CreditCode.isValid(creditCode.strip()))) {
				throw MandateRefused.invalid();
			}
			Subject subject = person ? Subject.person(ResidentId.of(residentId.strip()))
					: Subject.business(CreditCode.of(creditCode.strip()));
			Mandate recorded = this.mandates.recordPaper(subject, partner, items, purpose, until, clerk.getUsername());
			redirect.addFlashAttribute("recorded", recorded.id());
		}, redirect, locale);
		return "redirect:/hall/mandates";
	}

}
