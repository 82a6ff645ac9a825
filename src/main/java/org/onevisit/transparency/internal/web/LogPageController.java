package org.onevisit.transparency.internal.web;

import org.onevisit.transparency.internal.PublicLog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public log's page: OneVisit's newest checkpoint and, beside it, the witnesses'
 * cosignatures, in words, with links to the formats a verifier reads.
 */
@Controller
class LogPageController {

	private final PublicLog log;

	LogPageController(PublicLog log) {
		this.log = log;
	}

	@GetMapping("/log")
	String log(Model model) {
		model.addAttribute("overview", this.log.overview().orElse(null));
		return "transparency/log";
	}

}
