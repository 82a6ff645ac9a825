package org.onevisit.portal.internal.web;

import java.util.List;

import org.onevisit.identity.Actor;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.queues.Appointment;
import org.onevisit.shared.Subject;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.CatalogueEntryNotFound;
import org.onevisit.exchange.AccessReadings;
import org.onevisit.exchange.DataExchange;
import org.onevisit.feedback.Feedback;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.licences.LicenceWallet;
import org.onevisit.messages.Inbox;
import org.onevisit.queues.Queues;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * My space (我的空间): on one page, what is in progress, the licences held, the latest
 * messages, who last read my data, my appointments and what I asked or reported, each
 * with the way to the full list.
 */
@Controller
class MySpaceController {

	private static final int RECENT = 5;

	private final ApplicationManagement applications;

	private final LicenceWallet licences;

	private final Inbox inbox;

	private final DataExchange exchange;

	private final Queues queues;

	private final Feedback feedback;

	private final Catalogue catalogue;

	private final AccessReadings readings;

	MySpaceController(ApplicationManagement applications, LicenceWallet licences, Inbox inbox, DataExchange exchange,
			Queues queues, Feedback feedback, Catalogue catalogue, AccessReadings readings) {
		this.readings = readings;
		this.applications = applications;
		this.licences = licences;
		this.inbox = inbox;
		this.exchange = exchange;
		this.queues = queues;
		this.feedback = feedback;
		this.catalogue = catalogue;
	}

	@GetMapping("/my")
	String space(@AuthenticationPrincipal OneVisitUser user, Actor actor, Model model) {
		Subject subject = user.subject().orElseThrow();
		List<Application> filed = this.applications.filedBy(actor);
		model.addAttribute("inProgress", filed.stream().filter((matter) -> !matter.status().finished()).toList());
		model.addAttribute("finished",
				filed.stream().filter((matter) -> matter.status().finished()).limit(RECENT).toList());
		model.addAttribute("licences", this.licences.heldBy(subject));
		model.addAttribute("messages", this.inbox.of(subject).stream().limit(RECENT).toList());
		model.addAttribute("accesses", this.readings.of(this.exchange.accessesTo(subject.identifier(), RECENT)));
		model.addAttribute("appointments",
				this.queues.appointmentsOf(user.getUsername())
					.stream()
					.filter((appointment) -> appointment.status() == Appointment.Status.BOOKED)
					.toList());
		model.addAttribute("enquiries", this.feedback.enquiriesOf(user.getUsername()).size());
		model.addAttribute("complaints", this.feedback.complaintsOf(user.getUsername()).size());
		model.addAttribute("names", new Names(this.catalogue));
		model.addAttribute("awaitingConfirmation", this.applications.awaitingConfirmation(subject));
		return "portal/my";
	}

	/** What a matter is called, by its bundle or its first item. */
	record Names(Catalogue catalogue) {

		public String of(Application matter) {
			try {
				return this.catalogue.matterName(matter.bundleCode(), matter.tasks().get(0).plan().itemCode());
			}
			catch (CatalogueEntryNotFound ex) {
				return matter.trackingNumber();
			}
		}

	}

}
