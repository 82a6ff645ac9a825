package org.onevisit.portal.internal.web;

import java.util.Locale;
import java.util.Optional;

import org.onevisit.exchange.DataExchange;
import org.onevisit.exchange.DataExchange.IdentityCheck;
import org.onevisit.exchange.DataExchange.PersonCheck;
import org.onevisit.exchange.DataExchange.Representation;
import org.onevisit.exchange.DataExchange.RepresentativeCheck;
import org.onevisit.identity.AccountManagement;
import org.onevisit.identity.AccountManagement.BusinessRegistration;
import org.onevisit.identity.AccountManagement.Registered;
import org.onevisit.identity.AccountManagement.Registration;
import org.onevisit.identity.AccountRuleViolated;
import org.onevisit.shared.CreditCode;
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
class RegistrationController {

	private final DataExchange exchange;

	private final AccountManagement accounts;

	private final MessageSource messages;

	RegistrationController(DataExchange exchange, AccountManagement accounts, MessageSource messages) {
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
		Optional<String> refusal = formRefusal(residentId, password, passwordAgain);
		if (refusal.isPresent()) {
			return refused(model, refusal.get());
		}
		ResidentId person = ResidentId.of(residentId);
		// the registry's number comes with the same check as the name
		PersonCheck check = this.exchange.checkPerson(person, name);
		refusal = identityRefusal(check.outcome());
		if (refusal.isPresent()) {
			return refused(model, refusal.get());
		}
		Registered registered;
		try {
			registered = this.accounts.registerLimited(
					new Registration(person, name, phone, password, check.registeredMobile().orElse(null)));
		}
		catch (AccountRuleViolated violated) {
			model.addAttribute("error",
					this.messages.getMessage(violated.messageKey(), violated.arguments(), violated.code(), locale));
			return "portal/register";
		}
		// an ID read elsewhere with the reader's own phone opens an account that files
		// nothing until its holder shows the ID card at a window
		return registered.codeSent() ? "redirect:/register/verify?id=" + person.value()
				: "redirect:/login?registered&limited";
	}

	@GetMapping("/register/business")
	String businessForm() {
		return "portal/register-business";
	}

	/**
	 * A business registers through its legal representative: the credit code, the
	 * person's name and resident ID, both checked against the population and enterprise
	 * registries, and the representative's mobile number.
	 */
	@PostMapping("/register/business")
	String registerBusiness(@RequestParam String creditCode, @RequestParam String name, @RequestParam String residentId,
			@RequestParam String phone, @RequestParam String password, @RequestParam String passwordAgain, Model model,
			Locale locale) {
		model.addAttribute("creditCode", creditCode);
		model.addAttribute("name", name);
		model.addAttribute("residentId", residentId);
		model.addAttribute("phone", phone);
		String code = creditCode.strip().toUpperCase(Locale.ROOT);
		if (!CreditCode.isValid(code)) {
			return refusedBusiness(model, "register.error.creditCode");
		}
		Optional<String> refusal = formRefusal(residentId, password, passwordAgain);
		if (refusal.isPresent()) {
			return refusedBusiness(model, refusal.get());
		}
		ResidentId person = ResidentId.of(residentId);
		// the representative's number comes with the same check as the name
		PersonCheck check = this.exchange.checkPerson(person, name);
		refusal = identityRefusal(check.outcome());
		if (refusal.isPresent()) {
			return refusedBusiness(model, refusal.get());
		}
		Representation represents = this.exchange.checkRepresentative(CreditCode.of(code), person, name);
		if (represents.outcome() != RepresentativeCheck.REPRESENTS) {
			// not found and not the representative read alike: nobody learns who runs
			// what
			return refusedBusiness(model,
					"register.error.business." + ((represents.outcome() == RepresentativeCheck.NOT_FOUND)
							? "NOT_REPRESENTATIVE" : represents.outcome().name()));
		}
		Registered registered;
		try {
			registered = this.accounts.registerBusinessLimited(new BusinessRegistration(CreditCode.of(code),
					represents.enterpriseName(), person, name, phone, password, check.registeredMobile().orElse(null)));
		}
		catch (AccountRuleViolated violated) {
			model.addAttribute("error",
					this.messages.getMessage(violated.messageKey(), violated.arguments(), violated.code(), locale));
			return "portal/register-business";
		}
		// as for a person: the representative's name and ID read elsewhere open an
		// account
		// that files nothing until the representative confirms the registry's number or
		// shows the ID card at a window
		return registered.codeSent() ? "redirect:/register/verify?id=" + code : "redirect:/login?registered&limited";
	}

	private static Optional<String> formRefusal(String residentId, String password, String passwordAgain) {
		if (!ResidentId.isValid(residentId)) {
			return Optional.of("register.error.residentId");
		}
		if (!password.equals(passwordAgain)) {
			return Optional.of("register.error.passwordsDiffer");
		}
		return Optional.empty();
	}

	private static Optional<String> identityRefusal(IdentityCheck check) {
		if (check != IdentityCheck.MATCHES) {
			// one message for a wrong name and an unknown number: nobody learns whose ID
			// it is
			return Optional
				.of((check == IdentityCheck.UNAVAILABLE) ? "register.error.unavailable" : "register.error.noMatch");
		}
		return Optional.empty();
	}

	private static String refusedBusiness(Model model, String key) {
		model.addAttribute("errorKey", key);
		return "portal/register-business";
	}

	private static String refused(Model model, String key) {
		model.addAttribute("errorKey", key);
		return "portal/register";
	}

}
