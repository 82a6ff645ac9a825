package org.onevisit.queues.internal.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onevisit.queues.QueueStatus;
import org.onevisit.queues.Queues;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Each hall's queue for partners' apps, the same as the page shows. */
@Controller
@Tag(name = "Halls", description = "Service halls and their queues")
class HallsApiController {

	private final Queues queues;

	HallsApiController(Queues queues) {
		this.queues = queues;
	}

	@GetMapping("/api/v1/halls")
	@ResponseBody
	@Operation(summary = "Every hall's queue now: tickets waiting, expected wait in minutes, tickets being served")
	List<QueueStatus> api() {
		return this.queues.statuses();
	}

}
