package org.onevisit.applications.internal.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.catalog.Catalogue;
import org.onevisit.identity.Actor;
import org.onevisit.shared.WorkingDays;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page an applicant lands on once a matter is filed online (回执): its tracking number,
 * the date the departments committed to, and what happens next, in the order it will
 * happen, so that nobody has to wonder whether it went through or what to do now.
 */
@Controller
@PreAuthorize("hasRole('APPLICANT')")
class FilingReceiptController {

	private final ApplicationManagement applications;

	private final Catalogue catalogue;

	private final Clock clock;

	private final WorkingDays days;

	FilingReceiptController(ApplicationManagement applications, Catalogue catalogue, Clock clock, WorkingDays days) {
		this.applications = applications;
		this.catalogue = catalogue;
		this.clock = clock;
		this.days = days;
	}

	@GetMapping("/my/applications/{id}/filed")
	String receipt(@PathVariable UUID id, Actor actor, Model model) {
		Application application = this.applications.find(new ApplicationId(id), actor);
		model.addAttribute("matter", application);
		model.addAttribute("names", new ReviewController.ItemNames(this.catalogue));
		model.addAttribute("predicted", application.predictedCompletion(this.clock, this.days));
		model.addAttribute("nextSteps", nextSteps(application));
		return "my/filed";
	}

	/** The steps still ahead of the matter, each a sentence of the bundle. */
	static List<String> nextSteps(Application application) {
		List<String> steps = new ArrayList<>();
		ApplicationStatus status = application.status();
		if (status == ApplicationStatus.AWAITING_PARTIES) {
			steps.add("filed.next.parties");
		}
		if (status == ApplicationStatus.AWAITING_PARTIES || status == ApplicationStatus.IN_REVIEW
				|| status == ApplicationStatus.WAITING_FOR_SUPPLEMENT) {
			steps.add(application.tasks().size() > 1 ? "filed.next.reviewTogether" : "filed.next.review");
			steps.add("filed.next.supplement");
		}
		if (status == ApplicationStatus.AWAITING_PAYMENT) {
			steps.add("filed.next.pay");
		}
		if (status == ApplicationStatus.APPROVED) {
			steps.add("filed.next.approved");
		}
		if (!status.finished()) {
			steps.add("filed.next.result");
		}
		return steps;
	}

}
