package org.onevisit.identity.internal.web;

import java.util.Locale;

import org.onevisit.identity.AccountManagement;
import org.onevisit.platform.PageRefusals;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages where a one-time code sent by SMS is entered: confirming the mobile number
 * after registration, and recovering a forgotten password. Neither needs a login, and
 * neither tells whether an account exists.
 */
@Controller
class MobileCodeController {

	private final AccountManagement accounts;

	private final PageRefusals refusals;

	MobileCodeController(AccountManagement accounts, PageRefusals refusals) {
		this.accounts = accounts;
		this.refusals = refusals;
	}

	@GetMapping("/register/verify")
	String verifyForm(@RequestParam(required = false) String id, Model model) {
		model.addAttribute("id", id);
		return "identity/verify-mobile";
	}

	@PostMapping("/register/verify")
	String verify(@RequestParam String id, @RequestParam String code, RedirectAttributes redirect, Locale locale) {
		if (this.refusals.attempt(() -> this.accounts.confirmMobile(id, code), redirect, locale)) {
			return "redirect:/login?verified";
		}
		return "redirect:/register/verify?id=" + id;
	}

	@PostMapping("/register/verify/resend")
	String resend(@RequestParam String id, RedirectAttributes redirect, Locale locale) {
		if (this.refusals.attempt(() -> this.accounts.resendRegistrationCode(id), redirect, locale)) {
			redirect.addFlashAttribute("resent", true);
		}
		return "redirect:/register/verify?id=" + id;
	}

	@GetMapping("/recover")
	String recoverForm() {
		return "identity/recover";
	}

	@PostMapping("/recover")
	String startRecovery(@RequestParam String username, RedirectAttributes redirect, Locale locale) {
		if (this.refusals.attempt(() -> this.accounts.startRecovery(username), redirect, locale)) {
			redirect.addFlashAttribute("username", username);
			return "redirect:/recover/reset";
		}
		return "redirect:/recover";
	}

	@GetMapping("/recover/reset")
	String resetForm() {
		return "identity/recover-reset";
	}

	@PostMapping("/recover/reset")
	String reset(@RequestParam String username, @RequestParam String code, @RequestParam String password,
			@RequestParam String passwordAgain, RedirectAttributes redirect, Locale locale) {
		redirect.addFlashAttribute("username", username);
		if (!password.equals(passwordAgain)) {
			redirect.addFlashAttribute("errorKey", "account.password.differ");
			return "redirect:/recover/reset";
		}
		if (this.refusals.attempt(() -> this.accounts.recover(username, code, password), redirect, locale)) {
			return "redirect:/login?recovered";
		}
		return "redirect:/recover/reset";
	}

}
