package org.onevisit.queues.internal.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onevisit.queues.QueueStatus;
import org.onevisit.queues.Queues;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Each hall's queue for anyone deciding when to go (排队情况), refreshed live on the page and
 * open to partners' apps through the API.
 */
@Controller
@Tag(name = "Halls", description = "Service halls and their queues")
class HallsPages {

	private final Queues queues;

	HallsPages(Queues queues) {
		this.queues = queues;
	}

	@GetMapping("/halls")
	String halls(Model model) {
		model.addAttribute("statuses", this.queues.statuses());
		return "queues/halls";
	}

	@GetMapping("/api/v1/halls")
	@ResponseBody
	@Operation(summary = "Every hall's queue now: tickets waiting, expected wait in minutes, tickets being served")
	List<QueueStatus> api() {
		return this.queues.statuses();
	}

}
