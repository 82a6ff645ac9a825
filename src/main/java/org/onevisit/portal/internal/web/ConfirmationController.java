package org.onevisit.portal.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.onevisit.audit.SecurityLog;
import org.onevisit.audit.SecurityEvent.PersonalDataViewed;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationManagement.AwaitedConfirmation;
import org.onevisit.applications.ConfirmationRefused;
import org.onevisit.applications.PartyConfirmation;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.FormField;
import org.onevisit.identity.AccountManagement;
import org.onevisit.identity.Actor;
import org.onevisit.platform.PageRefusals;
import org.onevisit.queues.Halls;
import org.onevisit.queues.WindowIdentityCheck;
import org.onevisit.queues.WindowIdentityChecks;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A party's confirmations: in their own 我的空间, what awaits them and what it says,
 * confirmed by entering their password again or declined with a reason; and at a window,
 * where the clerk confirms for a party present in person and records how their identity
 * was checked.
 */
@Controller
class ConfirmationController {

	private static final String HALL = "onevisit.hall";

	private final ApplicationManagement applications;

	private final AccountManagement accounts;

	private final Catalogue catalogue;

	private final PageRefusals refusals;

	private final Halls halls;

	private final WindowIdentityChecks identityChecks;

	private final SecurityLog securityLog;

	ConfirmationController(ApplicationManagement applications, AccountManagement accounts, Catalogue catalogue,
			PageRefusals refusals, Halls halls, WindowIdentityChecks identityChecks, SecurityLog securityLog) {
		this.securityLog = securityLog;
		this.applications = applications;
		this.accounts = accounts;
		this.catalogue = catalogue;
		this.refusals = refusals;
		this.halls = halls;
		this.identityChecks = identityChecks;
	}

	/** One answer of the form, under the label its party reads. */
	record Answer(String label, Object value) {
	}

	@GetMapping("/my/confirmations")
	String mine(Actor actor, Model model) {
		model.addAttribute("awaiting", this.applications.awaitingConfirmation(actor.subject()));
		model.addAttribute("names", new MySpaceController.Names(this.catalogue));
		return "portal/confirmations";
	}

	@GetMapping("/my/confirmations/{id}")
	String one(@PathVariable UUID id, Actor actor, Model model) {
		AwaitedConfirmation awaited = this.applications.confirmation(id, actor)
			.orElseThrow(() -> ConfirmationRefused.notFound(id));
		show(awaited, model);
		return "portal/confirmation";
	}

	@PostMapping("/my/confirmations/{id}/accept")
	String accept(@PathVariable UUID id, @RequestParam(name = "password", required = false) String password,
			Actor actor, RedirectAttributes redirect, Locale locale) {
		requireOwnPart(id, actor);
		boolean done = this.refusals.attempt(() -> {
			// the person at the keyboard is the party: not someone at a computer left
			// signed in
			if (!this.accounts.passwordMatches(actor.username(), password)) {
				throw ConfirmationRefused.passwordWrong();
			}
			this.applications.confirm(id, actor, null);
		}, redirect, locale);
		if (done) {
			redirect.addFlashAttribute("notice", "confirmation.done");
			return "redirect:/my/confirmations";
		}
		return "redirect:/my/confirmations/" + id;
	}

	@PostMapping("/my/confirmations/{id}/decline")
	String decline(@PathVariable UUID id, @RequestParam(name = "reason", required = false) String reason, Actor actor,
			RedirectAttributes redirect, Locale locale) {
		boolean done = this.refusals.attempt(() -> this.applications.decline(id, actor, reason, null), redirect,
				locale);
		if (done) {
			redirect.addFlashAttribute("notice", "confirmation.declined");
			return "redirect:/my/confirmations";
		}
		return "redirect:/my/confirmations/" + id;
	}

	/** The window: a clerk looks up what awaits the person before them. */
	@GetMapping("/hall/confirmations")
	String atTheWindow(@RequestParam(name = "residentId", required = false) String residentId, Actor clerk,
			Model model) {
		if (residentId != null && ResidentId.isValid(residentId)) {
			this.securityLog
				.record(new PersonalDataViewed(clerk.username(), ResidentId.of(residentId), "window confirmations"));
			model.addAttribute("residentId", ResidentId.of(residentId).value());
			model.addAttribute("awaiting",
					this.applications.awaitingConfirmation(Subject.person(ResidentId.of(residentId))));
		}
		else {
			model.addAttribute("awaiting", List.of());
			model.addAttribute("lookupError", residentId != null);
		}
		model.addAttribute("names", new MySpaceController.Names(this.catalogue));
		model.addAttribute("checks", PartyConfirmation.IdentityCheck.values());
		return "portal/hall-confirmations";
	}

	@PostMapping("/hall/confirmations/{id}")
	String decideAtTheWindow(@PathVariable UUID id, @RequestParam("residentId") String residentId,
			@RequestParam(name = "check", required = false) PartyConfirmation.IdentityCheck check,
			@RequestParam(name = "reference", required = false) String reference,
			@RequestParam("decision") String decision, @RequestParam(name = "reason", required = false) String reason,
			Actor actor, HttpSession session, RedirectAttributes redirect, Locale locale) {
		boolean done = this.refusals.attempt(() -> {
			PartyConfirmation.WindowCheck window = identityChecked(residentId, check, reference, actor,
					hallOf(session));
			if ("DECLINE".equals(decision)) {
				this.applications.decline(id, actor, reason, window);
			}
			else {
				this.applications.confirm(id, actor, window);
			}
		}, redirect, locale);
		if (done) {
			redirect.addFlashAttribute("notice",
					"DECLINE".equals(decision) ? "confirmation.declined" : "confirmation.done");
		}
		return "redirect:/hall/confirmations?residentId=" + (ResidentId.isValid(residentId) ? residentId : "");
	}

	/**
	 * The party's identity as the hall's one log of window checks holds it: the check the
	 * clerk makes now (the card read, or the ticket the party drew here today), or else
	 * one already made today at this hall; {@code identity_not_checked} without either.
	 */
	private PartyConfirmation.WindowCheck identityChecked(String residentId, PartyConfirmation.IdentityCheck check,
			String ticket, Actor clerk, String hall) {
		WindowIdentityCheck checked = (check != null)
				? this.identityChecks.record(clerk.username(), hall, residentId,
						WindowIdentityCheck.Method.valueOf(check.name()),
						(check == PartyConfirmation.IdentityCheck.TICKET) ? ticket : null)
				: this.identityChecks.requireCheckedToday(hall, residentId);
		// the card's number is the party's own, kept sealed with the party: the check
		// names it
		// masked, as the case file shows it
		return new PartyConfirmation.WindowCheck(PartyConfirmation.IdentityCheck.valueOf(checked.method().name()),
				(checked.ticketNumber() != null) ? checked.ticketNumber() : ResidentId.of(residentId).masked(),
				checked.clerk(), checked.hallCode());
	}

	/** Someone else's part is not found, before anything else is said of it. */
	private void requireOwnPart(UUID id, Actor actor) {
		this.applications.confirmation(id, actor).orElseThrow(() -> ConfirmationRefused.notFound(id));
	}

	private String hallOf(HttpSession session) {
		Object chosen = session.getAttribute(HALL);
		return (chosen != null) ? chosen.toString() : this.halls.halls().get(0).code();
	}

	private void show(AwaitedConfirmation awaited, Model model) {
		Application matter = awaited.matter();
		List<Answer> answers = new ArrayList<>();
		if (matter.bundleCode() != null) {
			this.catalogue.bundle(matter.bundleCode())
				.content()
				.fields()
				.stream()
				.filter((field) -> matter.form().containsKey(field.name()))
				.forEach((field) -> answers.add(new Answer(field.label(), matter.form().get(field.name()))));
		}
		else {
			var task = matter.tasks().get(0).plan();
			for (FormField field : this.catalogue.item(task.itemCode(), task.itemVersion()).content().form().fields()) {
				if (matter.form().containsKey(field.name())) {
					answers.add(new Answer(field.label(), matter.form().get(field.name())));
				}
			}
		}
		model.addAttribute("awaited", awaited);
		model.addAttribute("matter", matter);
		model.addAttribute("part", awaited.part());
		model.addAttribute("answers", answers);
		model.addAttribute("names", new MySpaceController.Names(this.catalogue));
	}

}
