package org.onevisit.queues.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.UUID;

import org.onevisit.catalog.Catalogue;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.platform.PageRefusals;
import org.onevisit.queues.Appointment;
import org.onevisit.queues.Halls;
import org.onevisit.queues.Queues;
import org.onevisit.shared.WorkingDays;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My appointments (我的预约): book a half-hour at a hall for a matter that needs a visit, see
 * the code to show at the door, cancel.
 */
@Controller
class AppointmentController {

	private final Queues queues;

	private final Halls halls;

	private final Catalogue catalogue;

	private final WorkingDays calendar;

	private final Clock clock;

	private final PageRefusals refusals;

	AppointmentController(Queues queues, Halls halls, Catalogue catalogue, WorkingDays calendar, Clock clock,
			PageRefusals refusals) {
		this.queues = queues;
		this.halls = halls;
		this.catalogue = catalogue;
		this.calendar = calendar;
		this.clock = clock;
		this.refusals = refusals;
	}

	@GetMapping("/my/appointments")
	String page(@RequestParam(required = false) String hall,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) String item, @AuthenticationPrincipal OneVisitUser user, Model model) {
		String chosenHall = (hall != null && this.halls.hall(hall).isPresent()) ? hall
				: this.halls.halls().get(0).code();
		LocalDate chosenDay = (day != null) ? day : this.calendar.addWorkingDays(LocalDate.now(this.clock), 1).date();
		model.addAttribute("appointments", this.queues.appointmentsOf(user.getUsername()));
		model.addAttribute("halls", this.halls.halls());
		model.addAttribute("hallNames", this.halls.names());
		model.addAttribute("items", this.catalogue.publishedItems());
		model.addAttribute("hall", chosenHall);
		model.addAttribute("day", chosenDay);
		model.addAttribute("item", item);
		model.addAttribute("slots", this.queues.freeSlots(chosenHall, chosenDay));
		model.addAttribute("firstDay", LocalDate.now(this.clock));
		model.addAttribute("lastDay", this.queues.lastBookableDay());
		return "queues/appointments";
	}

	@PostMapping("/my/appointments")
	String book(@RequestParam String hall, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam LocalTime slot, @RequestParam(required = false) String item,
			@AuthenticationPrincipal OneVisitUser user, RedirectAttributes redirect, Locale locale) {
		this.refusals.attempt(() -> {
			Appointment booked = this.queues.book(hall, item, day, slot, user.getUsername(), user.displayName());
			redirect.addFlashAttribute("booked", booked);
		}, redirect, locale);
		return "redirect:/my/appointments?hall=" + hall + "&day=" + day;
	}

	@PostMapping("/my/appointments/{id}/cancel")
	String cancel(@PathVariable UUID id, @AuthenticationPrincipal OneVisitUser user, RedirectAttributes redirect) {
		this.queues.cancel(id, user.getUsername());
		redirect.addFlashAttribute("cancelled", true);
		return "redirect:/my/appointments";
	}

}
