package org.onevisit.portal.internal.web;

import java.util.Locale;

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
import org.onevisit.platform.Sentences;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;

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

	private final Sentences sentences;

	RegistrationController(DataExchange exchange, AccountManagement accounts, Sentences sentences) {
		this.exchange = exchange;
		this.accounts = accounts;
		this.sentences = sentences;
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
		CheckedPerson checked = checkedPerson(name, residentId, password, passwordAgain);
		if (checked.refusal() != null) {
			return refused(model, checked.refusal());
		}
		ResidentId person = checked.person();
		Registered registered;
		try {
			registered = this.accounts
				.registerLimited(new Registration(person, name, phone, password, checked.registeredMobile()));
		}
		catch (AccountRuleViolated violated) {
			return refused(model, violated, locale, "portal/register");
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
		CheckedPerson checked = checkedPerson(name, residentId, password, passwordAgain);
		if (checked.refusal() != null) {
			return refusedBusiness(model, checked.refusal());
		}
		ResidentId person = checked.person();
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
					represents.enterpriseName(), person, name, phone, password, checked.registeredMobile()));
		}
		catch (AccountRuleViolated violated) {
			return refused(model, violated, locale, "portal/register-business");
		}
		// as for a person: the representative's name and ID read elsewhere open an
		// account
		// that files nothing until the representative confirms the registry's number or
		// shows the ID card at a window
		return registered.codeSent() ? "redirect:/register/verify?id=" + code : "redirect:/login?registered&limited";
	}

	/**
	 * The person a registration names, as the form and the population registry say: a
	 * valid resident ID and the password typed the same twice, then the name checked
	 * against the registry, whose mobile number comes with the same check (a person's
	 * own, or a business's representative's); or the message key of the refusal.
	 */
	private CheckedPerson checkedPerson(String name, String residentId, String password, String passwordAgain) {
		if (!ResidentId.isValid(residentId)) {
			return CheckedPerson.refused("register.error.residentId");
		}
		if (!password.equals(passwordAgain)) {
			return CheckedPerson.refused("register.error.passwordsDiffer");
		}
		ResidentId person = ResidentId.of(residentId);
		PersonCheck check = this.exchange.checkPerson(person, name);
		if (check.outcome() != IdentityCheck.MATCHES) {
			// one message for a wrong name and an unknown number: nobody learns whose ID
			// it is
			return CheckedPerson.refused((check.outcome() == IdentityCheck.UNAVAILABLE) ? "register.error.unavailable"
					: "register.error.noMatch");
		}
		return new CheckedPerson(person, check.registeredMobile().orElse(null), null);
	}

	/**
	 * A person checked, with the registry's mobile number if it holds one; or refused.
	 */
	private record CheckedPerson(ResidentId person, String registeredMobile, String refusal) {

		static CheckedPerson refused(String refusal) {
			return new CheckedPerson(null, null, refusal);
		}

	}

	private String refused(Model model, AccountRuleViolated violated, Locale locale, String page) {
		model.addAttribute("error", this.sentences.refusal(violated, locale));
		return page;
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
