package org.onevisit.queues.internal.web;

import org.onevisit.queues.Queues;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Each hall's queue for anyone deciding when to go (排队情况), refreshed live on the page;
 * partners' apps read the same through {@link HallsApiController}.
 */
@Controller
class HallsController {

	private final Queues queues;

	HallsController(Queues queues) {
		this.queues = queues;
	}

	@GetMapping("/halls")
	String halls(Model model) {
		model.addAttribute("statuses", this.queues.statuses());
		return "queues/halls";
	}

}
