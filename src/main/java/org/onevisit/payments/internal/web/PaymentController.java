package org.onevisit.payments.internal.web;

import java.util.UUID;

import org.onevisit.identity.Actor;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.TaskId;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.payments.PaymentManagement;
import org.onevisit.payments.PaymentRefused;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The fees of an application as its applicant sees them, and the way to the provider's
 * cashier. The panel is also served alone, for the progress and case pages to include.
 */
@Controller
class PaymentController {

	private final PaymentManagement payments;

	PaymentController(PaymentManagement payments) {
		this.payments = payments;
	}

	@GetMapping("/my/applications/{id}/payment")
	String page(@PathVariable UUID id, @AuthenticationPrincipal OneVisitUser user, Model model) {
		show(id, user, model);
		return "payments/payment";
	}

	/** The panel alone, for whoever may see the application. */
	@GetMapping("/pay/applications/{id}")
	String panel(@PathVariable UUID id, @AuthenticationPrincipal OneVisitUser user, Model model) {
		show(id, user, model);
		return "payments/payment :: panel";
	}

	@PostMapping("/my/applications/{id}/payment")
	String pay(@PathVariable UUID id, Actor actor) {
		return "redirect:" + this.payments.checkout(new ApplicationId(id), actor);
	}

	/**
	 * The taxes a task assesses, for its reviewer's case: as assessed, or as they would
	 * be now with the facts they rest on. Nothing for a task that assesses none.
	 */
	@GetMapping("/pay/tasks/{task}/assessment")
	String assessment(@PathVariable UUID task, Actor actor, Model model) {
		try {
			model.addAttribute("assessment", this.payments.assessment(new TaskId(task), actor).orElse(null));
		}
		catch (PaymentRefused refused) {
			// the reviewer sees why, and cannot approve until the registries confirm
			model.addAttribute("assessment", null);
			model.addAttribute("unavailable", refused.code());
		}
		return "payments/assessment :: assessment";
	}

	private void show(UUID id, OneVisitUser user, Model model) {
		Actor actor = Actor.of(user);
		ApplicationId application = new ApplicationId(id);
		model.addAttribute("applicationId", id);
		model.addAttribute("payer", actor.kind() == Actor.Kind.APPLICANT);
		model.addAttribute("payment", this.payments.of(application, actor).orElse(null));
		model.addAttribute("payable", this.payments.payable(application, actor));
		model.addAttribute("online", this.payments.onlinePayment());
		model.addAttribute("awaitingAssessment", this.payments.awaitingAssessment(application, actor));
	}

}
