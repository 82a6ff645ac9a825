package org.onevisit.portal.internal;

import java.util.Locale;

import org.onevisit.exchange.DataExchange;
import org.onevisit.exchange.DataExchange.IdentityCheck;
import org.onevisit.identity.AccountManagement;
import org.onevisit.identity.AccountManagement.Registration;
import org.onevisit.identity.AccountRuleViolated;
import org.onevisit.shared.ResidentId;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Real-name registration (实名注册) for a person: name, resident ID and mobile number, the
 * name checked against the population registry before the account is opened. The resident
 * ID is then the username.
 */
@Controller
class RegistrationPages {

	private final DataExchange exchange;

	private final AccountManagement accounts;

	private final MessageSource messages;

	RegistrationPages(DataExchange exchange, AccountManagement accounts, MessageSource messages) {
		this.exchange = exchange;
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/register")
	String form() {
		return "portal/register";
	}

	@PostMapping("/register")
	String register(@RequestParam String name, @RequestParam String residentId, @RequestParam String phone,
			@RequestParam String password, @RequestParam String passwordAgain, Model model, Locale locale) {
		model.addAttribute("name", name);
		model.addAttribute("residentId", residentId);
		model.addAttribute("phone", phone);
		if (!ResidentId.isValid(residentId)) {
			return refused(model, "register.error.residentId");
		}
		if (!password.equals(passwordAgain)) {
			return refused(model, "register.error.passwordsDiffer");
		}
		ResidentId id = ResidentId.of(residentId);
		IdentityCheck check = this.exchange.checkIdentity(id, name);
		if (check != IdentityCheck.MATCHES) {
			// one message for a wrong name and an unknown number: nobody learns whose ID
			// it is
			return refused(model,
					(check == IdentityCheck.UNAVAILABLE) ? "register.error.unavailable" : "register.error.noMatch");
		}
		try {
			this.accounts.register(new Registration(id, name, phone, password));
		}
		catch (AccountRuleViolated violated) {
			model.addAttribute("error",
					this.messages.getMessage(violated.messageKey(), violated.arguments(), violated.code(), locale));
			return "portal/register";
		}
		return "redirect:/login?registered";
	}

	private static String refused(Model model, String key) {
		model.addAttribute("errorKey", key);
		return "portal/register";
	}

}
