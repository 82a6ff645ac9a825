package org.onevisit.benefits.internal.web;

import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.onevisit.benefits.Benefits;
import org.onevisit.benefits.Policy;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.platform.PageRefusals;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's policies (simulate, switch on and off, run now) and the citizen's
 * benefits (我的惠民政策), where an offer is accepted with one click. Switching a policy
 * declares its permission here, and the service writes the audit row of every switch.
 */
@Controller
class BenefitController {

	private final Benefits benefits;

	private final PageRefusals refusals;

	BenefitController(Benefits benefits, PageRefusals refusals) {
		this.benefits = benefits;
		this.refusals = refusals;
	}

	@GetMapping("/admin/benefits")
	String policies(Model model) {
		model.addAttribute("policies", this.benefits.policies());
		model.addAttribute("active",
				this.benefits.policies()
					.stream()
					.collect(Collectors.toMap(Policy::code, (policy) -> this.benefits.active(policy.code()))));
		return "benefits/policies";
	}

	@PostMapping("/admin/benefits/{policy}/simulation")
	String simulate(@PathVariable String policy, RedirectAttributes redirect, Locale locale) {
		this.refusals.attempt(() -> redirect.addFlashAttribute("simulation", this.benefits.simulate(policy)), redirect,
				locale);
		return "redirect:/admin/benefits";
	}

	@PostMapping("/admin/benefits/{policy}/on")
	@PreAuthorize("hasRole('ADMIN')")
	String switchOn(@PathVariable String policy, @AuthenticationPrincipal OneVisitUser admin) {
		this.benefits.switchOn(policy, admin.getUsername());
		return "redirect:/admin/benefits";
	}

	@PostMapping("/admin/benefits/{policy}/off")
	@PreAuthorize("hasRole('ADMIN')")
	String switchOff(@PathVariable String policy, @AuthenticationPrincipal OneVisitUser admin) {
		this.benefits.switchOff(policy, admin.getUsername());
		return "redirect:/admin/benefits";
	}

	@PostMapping("/admin/benefits/{policy}/run")
	String run(@PathVariable String policy, RedirectAttributes redirect, Locale locale) {
		this.refusals.attempt(() -> redirect.addFlashAttribute("granted", this.benefits.run(policy)), redirect, locale);
		return "redirect:/admin/benefits";
	}

	@GetMapping("/my/benefits")
	String mine(@AuthenticationPrincipal OneVisitUser user, Model model) {
		model.addAttribute("grants", this.benefits.grantsOf(user.subject().orElseThrow()));
		return "benefits/mine";
	}

	@PostMapping("/my/benefits/{grant}/acceptance")
	String accept(@PathVariable UUID grant, @AuthenticationPrincipal OneVisitUser user, RedirectAttributes redirect) {
		this.benefits.accept(grant, user.subject().orElseThrow());
		redirect.addFlashAttribute("accepted", true);
		return "redirect:/my/benefits";
	}

}
