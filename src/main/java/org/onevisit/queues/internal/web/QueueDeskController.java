package org.onevisit.queues.internal.web;

import java.util.Locale;

import org.onevisit.identity.OneVisitUser;
import org.onevisit.platform.PageRefusals;
import org.onevisit.queues.Halls;
import org.onevisit.queues.Queues;
import org.onevisit.queues.Ticket;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clerk's queue desk: draw a ticket for someone at the door (walk-in or by
 * appointment code) and call the next ticket to this window.
 */
@Controller
class QueueDeskController {

	private final Queues queues;

	private final Halls halls;

	private final PageRefusals refusals;

	QueueDeskController(Queues queues, Halls halls, PageRefusals refusals) {
		this.queues = queues;
		this.halls = halls;
		this.refusals = refusals;
	}

	@GetMapping("/hall/queue")
	String desk(@RequestParam(defaultValue = "city") String hall, @RequestParam(defaultValue = "1") int window,
			Model model) {
		model.addAttribute("halls", this.halls.halls());
		model.addAttribute("status", this.queues.status(hall));
		model.addAttribute("window", window);
		return "queues/desk";
	}

	@PostMapping("/hall/queue/tickets")
	String draw(@RequestParam String hall, @RequestParam int window,
			@RequestParam(required = false) String appointmentCode, RedirectAttributes redirect, Locale locale) {
		this.refusals.attempt(() -> {
			Ticket ticket = this.queues.draw(hall, null, appointmentCode);
			redirect.addFlashAttribute("drawn", ticket);
		}, redirect, locale);
		return back(hall, window);
	}

	@PostMapping("/hall/queue/call")
	String call(@RequestParam String hall, @RequestParam int window, @AuthenticationPrincipal OneVisitUser clerk,
			RedirectAttributes redirect, Locale locale) {
		this.refusals.attempt(() -> this.queues.callNext(hall, window, clerk.getUsername())
			.ifPresentOrElse((ticket) -> redirect.addFlashAttribute("called", ticket),
					() -> redirect.addFlashAttribute("nobody", true)),
				redirect, locale);
		return back(hall, window);
	}

	private static String back(String hall, int window) {
		return "redirect:/hall/queue?hall=" + hall + "&window=" + window;
	}

}
