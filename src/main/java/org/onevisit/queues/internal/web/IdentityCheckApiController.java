package org.onevisit.queues.internal.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.queues.QueueRefused;
import org.onevisit.queues.WindowIdentityCheck;
import org.onevisit.queues.WindowIdentityChecks;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A clerk records the identity check of the person at the window, which lets the hall's
 * clerks pre-fill that person's data today.
 */
@RestController
@Tag(name = "Halls", description = "Service halls and their queues")
class IdentityCheckApiController {

	private final WindowIdentityChecks checks;

	IdentityCheckApiController(WindowIdentityChecks checks) {
		this.checks = checks;
	}

	record CheckBody(String hallCode, String residentId, String creditCode, WindowIdentityCheck.Method method,
			String ticketNumber) {
	}

	@PostMapping("/api/v1/identity-checks")
	@PreAuthorize("hasRole('CLERK')")
	@Operation(summary = "Record that the person at the window was identified (ID card read, or the queue ticket "
			+ "they hold at this hall today): valid for pre-filling at this hall today")
	ResponseEntity<WindowIdentityCheck> record(@AuthenticationPrincipal OneVisitUser user,
			@RequestBody CheckBody body) {
		if (body.hallCode() == null || (body.residentId() == null) == (body.creditCode() == null)) {
			throw QueueRefused.identityCheckInvalid();
		}
		String subject = (body.residentId() != null) ? ResidentId.of(body.residentId()).value()
				: CreditCode.of(body.creditCode()).value();
		WindowIdentityCheck check = this.checks.record(user.getUsername(), body.hallCode(), subject, body.method(),
				body.ticketNumber());
		return ResponseEntity.created(URI.create("/api/v1/identity-checks/" + check.id())).body(check);
	}

}
