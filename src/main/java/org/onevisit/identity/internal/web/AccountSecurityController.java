package org.onevisit.identity.internal.web;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import org.onevisit.identity.AccountManagement;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.identity.internal.ApiTokens;
import org.onevisit.platform.PageRefusals;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everyone's own account security page: change the password (which revokes every API
 * token), see the API tokens issued in the last day and revoke any of them.
 */
@Controller
class AccountSecurityController {

	private final AccountManagement accounts;

	private final ApiTokens tokens;

	private final PageRefusals refusals;

	private final Clock clock;

	AccountSecurityController(AccountManagement accounts, ApiTokens tokens, PageRefusals refusals, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.refusals = refusals;
		this.clock = clock;
	}

	@GetMapping("/account/security")
	String page(@AuthenticationPrincipal OneVisitUser user, Model model) {
		model.addAttribute("tokens", this.tokens.of(user));
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("limited", user.limited());
		return "identity/account-security";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal OneVisitUser user, @RequestParam String oldPassword,
			@RequestParam String password, @RequestParam String passwordAgain, RedirectAttributes redirect,
			Locale locale) {
		if (!password.equals(passwordAgain)) {
			redirect.addFlashAttribute("errorKey", "account.password.differ");
			return "redirect:/account/security";
		}
		if (this.refusals.attempt(() -> this.accounts.changePassword(user.getUsername(), oldPassword, password),
				redirect, locale)) {
			redirect.addFlashAttribute("noticeKey", "account.password.changed");
		}
		return "redirect:/account/security";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal OneVisitUser user, @PathVariable UUID id, RedirectAttributes redirect,
			Locale locale) {
		if (this.refusals.attempt(() -> {
			if (!this.tokens.revoke(user, id, user.getUsername())) {
				// someone else's token and no token at all read alike
				throw AccountApiController.NotFound.token();
			}
		}, redirect, locale)) {
			redirect.addFlashAttribute("noticeKey", "account.tokens.revoked");
		}
		return "redirect:/account/security";
	}

}
