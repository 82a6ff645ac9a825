package org.onevisit.partners.internal.web;

import java.util.List;
import java.util.Locale;

import org.onevisit.catalog.Directory;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.partners.internal.PartnerAdministration;
import org.onevisit.platform.PageRefusals;

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
 * The administrator's partners: register a partner (bank, agency, notary, courier) or a
 * department system, suspend or reinstate it, rotate its secret. A new secret is shown
 * once, on the page the administrator returns to.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PartnerAdminController {

	private final PartnerAdministration partners;

	private final Directory directory;

	private final PageRefusals refusals;

	PartnerAdminController(PartnerAdministration partners, Directory directory, PageRefusals refusals) {
		this.partners = partners;
		this.directory = directory;
		this.refusals = refusals;
	}

	@GetMapping("/admin/partners")
	String partners(Model model) {
		model.addAttribute("partners", this.partners.all());
		model.addAttribute("kinds", this.partners.kinds());
		model.addAttribute("departments", this.directory.departments());
		return "partners/admin";
	}

	@PostMapping("/admin/partners")
	String register(@RequestParam String name, @RequestParam String kind,
			@RequestParam(required = false) List<String> groups, @RequestParam(required = false) String redirectUri,
			@RequestParam(required = false) String creditCode, @AuthenticationPrincipal OneVisitUser admin,
			RedirectAttributes redirect, Locale locale, Model model) {
		PartnerAdministration.Credentials[] made = new PartnerAdministration.Credentials[1];
		if (this.refusals.attempt(() -> made[0] = this.partners.register(name, kind,
				(groups != null) ? groups : List.of(), redirectUri, creditCode, admin.getUsername()), redirect,
				locale)) {
			return showOnce(made[0], model);
		}
		return "redirect:/admin/partners";
	}

	@PostMapping("/admin/partners/{clientId}/suspension")
	String suspend(@PathVariable String clientId, @AuthenticationPrincipal OneVisitUser admin,
			RedirectAttributes redirect, Locale locale) {
		this.refusals.attempt(() -> this.partners.suspend(clientId, admin.getUsername()), redirect, locale);
		return "redirect:/admin/partners";
	}

	@PostMapping("/admin/partners/{clientId}/reinstatement")
	String reinstate(@PathVariable String clientId, @AuthenticationPrincipal OneVisitUser admin,
			RedirectAttributes redirect, Locale locale) {
		this.refusals.attempt(() -> this.partners.reinstate(clientId, admin.getUsername()), redirect, locale);
		return "redirect:/admin/partners";
	}

	@PostMapping("/admin/partners/{clientId}/secret")
	String rotate(@PathVariable String clientId, @AuthenticationPrincipal OneVisitUser admin,
			RedirectAttributes redirect, Locale locale, Model model) {
		PartnerAdministration.Credentials[] made = new PartnerAdministration.Credentials[1];
		if (this.refusals.attempt(() -> made[0] = this.partners.rotateSecret(clientId, admin.getUsername()), redirect,
				locale)) {
			return showOnce(made[0], model);
		}
		return "redirect:/admin/partners";
	}

	/**
	 * The page with the new secret, answered to the post itself: the secret is never kept
	 * in the session (which lies in the database), only its hash is stored.
	 */
	private String showOnce(PartnerAdministration.Credentials credentials, Model model) {
		model.addAttribute("credentials", credentials);
		return partners(model);
	}

}
