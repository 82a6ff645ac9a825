package org.onevisit.approvals.internal.web;

import java.util.UUID;

import org.onevisit.identity.Actor;
import org.onevisit.applications.ApplicationId;
import org.onevisit.approvals.ApprovalTraces;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The reasoning of instant approval, for the applicant's progress page, the reviewer's
 * case file and the supervisor's trail alike.
 */
@Controller
class ApprovalController {

	private final ApprovalTraces traces;

	ApprovalController(ApprovalTraces traces) {
		this.traces = traces;
	}

	@GetMapping("/approvals/applications/{id}")
	String panel(@PathVariable UUID id, Actor actor, Model model) {
		model.addAttribute("traces", this.traces.of(new ApplicationId(id), actor));
		return "approvals/panel";
	}

}
