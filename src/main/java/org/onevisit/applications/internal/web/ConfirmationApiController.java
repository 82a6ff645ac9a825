package org.onevisit.applications.internal.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationManagement.AwaitedConfirmation;
import org.onevisit.applications.ConfirmationRefused;
import org.onevisit.applications.PartyConfirmation;
import org.onevisit.identity.Actor;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A party's confirmations through the API, with the party's own token: what awaits them,
 * and their answer. The password is not asked again here (ADR 9): the token is the
 * party's own, issued for their password and short-lived.
 */
@RestController
@Tag(name = "Confirmations", description = "Parties confirm or decline the matters that name them")
class ConfirmationApiController {

	private final ApplicationManagement applications;

	ConfirmationApiController(ApplicationManagement applications) {
		this.applications = applications;
	}

	record ConfirmationView(UUID id, UUID application, String trackingNo, String itemOrBundle, String role, String mode,
			String state, String hash, Instant decidedAt) {

		static ConfirmationView of(AwaitedConfirmation awaited) {
			PartyConfirmation part = awaited.part();
			String matter = (awaited.matter().bundleCode() != null) ? awaited.matter().bundleCode()
					: awaited.matter().tasks().get(0).plan().itemCode();
			return new ConfirmationView(part.id(), awaited.matter().id().value(), awaited.matter().trackingNumber(),
					matter, part.role().name(), part.mode().name(), part.state().name(), part.hash(), part.decidedAt());
		}

	}

	record ConfirmationRequest(@NotBlank String decision, @Size(max = 2000) String reason) {
	}

	@GetMapping("/api/v1/my/confirmations")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "The matters waiting for my confirmation as a party, oldest first")
	List<ConfirmationView> mine(Actor actor) {
		return this.applications.awaitingConfirmation(actor.subject()).stream().map(ConfirmationView::of).toList();
	}

	@PostMapping("/api/v1/confirmations/{id}")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "Confirm (ACCEPT) or decline (DECLINE, with a reason) my part of a matter")
	ConfirmationView decide(@PathVariable UUID id, @Valid @RequestBody ConfirmationRequest request, Actor actor) {
		var matter = switch (request.decision()) {
			case "ACCEPT" -> this.applications.confirm(id, actor, null);
			case "DECLINE" -> this.applications.decline(id, actor, request.reason(), null);
			default -> throw ConfirmationRefused.decisionUnknown(request.decision());
		};
		PartyConfirmation part = matter.parties()
			.stream()
			.filter((candidate) -> candidate.id().equals(id))
			.findFirst()
			.orElseThrow(() -> ConfirmationRefused.notFound(id));
		return ConfirmationView.of(new AwaitedConfirmation(matter, part));
	}

}
