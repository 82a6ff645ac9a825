package org.onevisit.messages.internal.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.onevisit.messages.internal.NotificationSettings;
import org.onevisit.messages.internal.OutgoingDeliveries.Outgoing;
import org.onevisit.platform.PageRefusals;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * E-mails and texts that could not be sent, for administrators: with the reason, and a
 * retry under the same delivery id.
 */
@Controller
class FailedDeliveriesController {

	private final NotificationSettings settings;

	private final PageRefusals refusals;

	FailedDeliveriesController(NotificationSettings settings, PageRefusals refusals) {
		this.settings = settings;
		this.refusals = refusals;
	}

	@GetMapping("/admin/notifications")
	String failed(Model model) {
		List<Outgoing> deliveries = this.settings.needingAttention();
		model.addAttribute("deliveries", deliveries);
		Map<UUID, FailureKind> kinds = new HashMap<>();
		deliveries.forEach((delivery) -> kinds.put(delivery.id(), FailureKind.of(delivery)));
		model.addAttribute("kinds", kinds);
		return "messages/failed";
	}

	@PostMapping("/admin/notifications/{id}/retry")
	String retry(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
		this.refusals.attempt(() -> {
			this.settings.retry(id);
			redirect.addFlashAttribute("retried", true);
		}, redirect, locale);
		return "redirect:/admin/notifications";
	}

	@GetMapping("/api/v1/admin/notifications/failed")
	@ResponseBody
	@Operation(summary = "Deliveries that failed for good or were interrupted mid-send, with the reason")
	List<Outgoing> failedApi() {
		return this.settings.needingAttention();
	}

	@PostMapping("/api/v1/admin/notifications/{id}/retry")
	@ResponseBody
	@Operation(summary = "Sends a failed delivery again under the same id; 404 when it did not fail")
	Map<String, Object> retryApi(@PathVariable UUID id) {
		this.settings.retry(id);
		return Map.of("delivery", id, "state", "PENDING");
	}

}
