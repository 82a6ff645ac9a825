package org.onevisit.feedback.internal.web;

import java.util.Locale;
import java.util.UUID;

import org.onevisit.identity.Actor;
import org.onevisit.applications.ApplicationId;
import org.onevisit.feedback.Feedback;
import org.onevisit.identity.OneVisitUser;
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
 * The citizen's side: rate a finished application, complain about anything, ask a
 * question; each page lists what was said before and the answers.
 */
@Controller
class FeedbackController {

	private final Feedback feedback;

	private final PageRefusals refusals;

	FeedbackController(Feedback feedback, PageRefusals refusals) {
		this.feedback = feedback;
		this.refusals = refusals;
	}

	@GetMapping("/my/applications/{id}/rating")
	String rating(@PathVariable UUID id, Actor actor, Model model) {
		model.addAttribute("applicationId", id);
		model.addAttribute("rating", this.feedback.ratingOf(new ApplicationId(id), actor).orElse(null));
		return "feedback/rating";
	}

	@PostMapping("/my/applications/{id}/rating")
	String rate(@PathVariable UUID id, @RequestParam(defaultValue = "0") int stars,
			@RequestParam(required = false) String comment, Actor actor, RedirectAttributes redirect, Locale locale) {
		this.refusals.attempt(() -> {
			this.feedback.rate(new ApplicationId(id), stars, comment, actor);
			redirect.addFlashAttribute("rated", true);
		}, redirect, locale, (refused) -> redirect.addFlashAttribute("comment", comment));
		return "redirect:/my/applications/" + id + "/rating";
	}

	@GetMapping("/my/complaints")
	String complaints(@RequestParam(required = false) String about, @AuthenticationPrincipal OneVisitUser user,
			Model model) {
		model.addAttribute("complaints", this.feedback.complaintsOf(user.getUsername()));
		model.addAttribute("about", about);
		return "feedback/complaints";
	}

	@PostMapping("/my/complaints")
	String complain(@RequestParam(required = false) String about, @RequestParam(required = false) String text,
			@AuthenticationPrincipal OneVisitUser user, RedirectAttributes redirect, Locale locale) {
		this.refusals.attempt(
				() -> redirect.addFlashAttribute("filed", this.feedback.complain(about, text, person(user))), redirect,
				locale, (refused) -> redirect.addFlashAttribute("text", text));
		return "redirect:/my/complaints";
	}

	@GetMapping("/my/enquiries")
	String enquiries(@AuthenticationPrincipal OneVisitUser user, Model model) {
		model.addAttribute("enquiries", this.feedback.enquiriesOf(user.getUsername()));
		return "feedback/enquiries";
	}

	@PostMapping("/my/enquiries")
	String ask(@RequestParam(required = false) String question, @AuthenticationPrincipal OneVisitUser user,
			RedirectAttributes redirect, Locale locale) {
		this.refusals.attempt(() -> {
			this.feedback.ask(question, person(user));
			redirect.addFlashAttribute("asked", true);
		}, redirect, locale);
		return "redirect:/my/enquiries";
	}

	static Feedback.Person person(OneVisitUser user) {
		return new Feedback.Person(user.getUsername(), user.displayName(), user.subject().orElseThrow());
	}

}
