package org.onevisit.payments.internal.web;

import java.util.Locale;
import java.util.UUID;

import org.onevisit.applications.ApplicationId;
import org.onevisit.identity.Actor;
import org.onevisit.payments.PaymentManagement;
import org.onevisit.platform.PageRefusals;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Paying at a hall's window (窗口缴费): the clerk finds the order by the tracking number the
 * payer shows, takes the payment by card or cash and records the receipt's number; the
 * matter is then settled as by an online payment. The only way to pay where no online
 * provider is configured.
 */
@Controller
class WindowPaymentController {

	private final PaymentManagement payments;

	private final PageRefusals refusals;

	WindowPaymentController(PaymentManagement payments, PageRefusals refusals) {
		this.payments = payments;
		this.refusals = refusals;
	}

	@GetMapping("/hall/payments")
	String desk(@RequestParam(name = "trackingNumber", required = false) String trackingNumber, Actor clerk,
			Model model) {
		if (trackingNumber != null && !trackingNumber.isBlank()) {
			model.addAttribute("trackingNumber", trackingNumber.strip());
			model.addAttribute("payment", this.payments.ofTrackingNumber(trackingNumber, clerk).orElse(null));
			model.addAttribute("searched", true);
		}
		return "payments/window";
	}

	@PostMapping("/hall/payments/{application}")
	String pay(@PathVariable UUID application, @RequestParam(name = "receiptNumber", required = false) String receipt,
			@RequestParam("trackingNumber") String trackingNumber, Actor clerk, RedirectAttributes redirect,
			Locale locale) {
		if (this.refusals.attempt(() -> this.payments.payAtWindow(new ApplicationId(application), receipt, clerk),
				redirect, locale)) {
			redirect.addFlashAttribute("notice", "windowPayment.recorded");
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/hall/payments")
			.queryParam("trackingNumber", trackingNumber)
			.build()
			.encode()
			.toUriString();
	}

}
