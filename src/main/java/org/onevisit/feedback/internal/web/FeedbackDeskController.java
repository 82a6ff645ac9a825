package org.onevisit.feedback.internal.web;

import java.util.Locale;
import java.util.UUID;

import org.onevisit.identity.Actor;
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
 * The office's side: clerks answer questions (the first to answer stays responsible),
 * departments answer the rectifications of their bad ratings, supervisors answer
 * complaints and watch both.
 */
@Controller
class FeedbackDeskController {

	private final Feedback feedback;

	private final PageRefusals refusals;

	FeedbackDeskController(Feedback feedback, PageRefusals refusals) {
		this.feedback = feedback;
		this.refusals = refusals;
	}

	@GetMapping("/hall/enquiries")
	String enquiries(@AuthenticationPrincipal OneVisitUser clerk, Model model) {
		model.addAttribute("enquiries", this.feedback.enquiriesFor(clerk.getUsername()));
		model.addAttribute("me", clerk.getUsername());
		return "feedback/enquiry-desk";
	}

	@PostMapping("/hall/enquiries/{id}/answers")
	String answerEnquiry(@PathVariable UUID id, @RequestParam(required = false) String text,
			@AuthenticationPrincipal OneVisitUser clerk, RedirectAttributes redirect, Locale locale) {
		return act(redirect, locale, "/hall/enquiries",
				() -> this.feedback.answerEnquiry(id, text, clerk.getUsername()));
	}

	@GetMapping("/review/rectifications")
	String rectifications(@AuthenticationPrincipal OneVisitUser reviewer, Model model) {
		model.addAttribute("rectifications", this.feedback.rectificationsOf(reviewer.departmentCode().orElseThrow()));
		return "feedback/rectifications";
	}

	@PostMapping("/review/rectifications/{id}")
	String answerRectification(@PathVariable UUID id, @RequestParam(required = false) String answer, Actor actor,
			RedirectAttributes redirect, Locale locale) {
		return act(redirect, locale, "/review/rectifications",
				() -> this.feedback.answerRectification(id, answer, actor));
	}

	@GetMapping("/supervision/feedback")
	String supervision(Model model) {
		model.addAttribute("complaints", this.feedback.complaints());
		model.addAttribute("rectifications", this.feedback.rectifications());
		return "feedback/supervision";
	}

	@PostMapping("/supervision/complaints/{id}")
	String answerComplaint(@PathVariable UUID id, @RequestParam(required = false) String answer,
			@AuthenticationPrincipal OneVisitUser supervisor, RedirectAttributes redirect, Locale locale) {
		return act(redirect, locale, "/supervision/feedback",
				() -> this.feedback.answerComplaint(id, answer, supervisor.getUsername()));
	}

	private String act(RedirectAttributes redirect, Locale locale, String back, Runnable action) {
		if (this.refusals.attempt(action, redirect, locale)) {
			redirect.addFlashAttribute("answered", true);
		}
		return "redirect:" + back;
	}

}
