package org.onevisit.delivery.internal.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.onevisit.identity.Actor;
import org.onevisit.applications.ApplicationId;
import org.onevisit.delivery.Deliveries;
import org.onevisit.delivery.Delivery;
import org.onevisit.delivery.DeliveryRefused;
import org.onevisit.platform.PageRefusals;
import org.onevisit.queues.Hall;
import org.onevisit.queues.Halls;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant chooses how to receive the result; clerks hand results over at the hall
 * or to a courier.
 */
@Controller
class DeliveryController {

	private final Deliveries deliveries;

	private final Halls halls;

	private final PageRefusals refusals;

	DeliveryController(Deliveries deliveries, Halls halls, PageRefusals refusals) {
		this.deliveries = deliveries;
		this.halls = halls;
		this.refusals = refusals;
	}

	@GetMapping("/my/applications/{id}/delivery")
	String page(@PathVariable UUID id, Actor actor, Model model) {
		model.addAttribute("delivery", this.deliveries.of(new ApplicationId(id), actor));
		// 统一出件: a matter accepted at a window is collected at that hall only
		List<Hall> pickUp = this.deliveries.pickUpHalls(new ApplicationId(id), actor);
		model.addAttribute("halls", pickUp);
		model.addAttribute("acceptingHall", (pickUp.size() < this.halls.halls().size()) ? pickUp.get(0) : null);
		model.addAttribute("hallNames", this.halls.names());
		model.addAttribute("applicationId", id);
		return "delivery/delivery";
	}

	@PostMapping("/my/applications/{id}/delivery")
	String choose(@PathVariable UUID id, @RequestParam(required = false) Delivery.Method method,
			@RequestParam(required = false) String hallCode, @RequestParam(required = false) String recipient,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String address, Actor actor,
			RedirectAttributes redirect, Locale locale) {
		this.refusals.attempt(() -> {
			this.deliveries.choose(new ApplicationId(id),
					new Deliveries.Choice(method, hallCode, recipient, phone, address), actor);
			redirect.addFlashAttribute("chosen", true);
		}, redirect, locale, (refused) -> {
			if (refused instanceof DeliveryRefused incomplete) {
				redirect.addFlashAttribute("wrong", incomplete.fields());
			}
		});
		return "redirect:/my/applications/" + id + "/delivery";
	}

	@GetMapping("/hall/deliveries")
	String waiting(Model model) {
		model.addAttribute("deliveries", this.deliveries.waitingForHandOver());
		model.addAttribute("hallNames", this.halls.names());
		return "delivery/desk";
	}

	@PostMapping("/hall/deliveries/{id}")
	String handOver(@PathVariable UUID id, @RequestParam(required = false) String courier,
			@RequestParam(required = false) String courierTrackingNumber, Actor actor, RedirectAttributes redirect,
			Locale locale) {
		this.refusals.attempt(() -> {
			this.deliveries.handOver(new ApplicationId(id), courier, courierTrackingNumber, actor);
			redirect.addFlashAttribute("handedOver", true);
		}, redirect, locale);
		return "redirect:/hall/deliveries";
	}

}
