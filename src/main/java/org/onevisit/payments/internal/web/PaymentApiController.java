package org.onevisit.payments.internal.web;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onevisit.identity.Actor;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.TaskId;
import org.onevisit.payments.Payment;
import org.onevisit.payments.PaymentRefused;
import org.onevisit.payments.PaymentManagement;
import org.onevisit.payments.TaxAssessment;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payments", description = "Fees of applications and provider callbacks")
class PaymentApiController {

	private final PaymentManagement payments;

	PaymentApiController(PaymentManagement payments) {
		this.payments = payments;
	}

	@GetMapping("/api/v1/applications/{id}/payment")
	@Operation(summary = "The fee order of an application, 404 when it is free or not yours")
	Payment payment(@PathVariable UUID id, Actor actor) {
		return this.payments.of(new ApplicationId(id), actor)
			.orElseThrow(() -> PaymentRefused.nothingToPay(new ApplicationId(id)));
	}

	@PostMapping("/api/v1/applications/{id}/payment/checkout")
	@Operation(summary = "Where the applicant pays the order online: 409 payment_online_not_offered when no "
			+ "provider is configured, payment_awaiting_assessment before the taxes are assessed")
	Map<String, Object> checkout(@PathVariable UUID id, Actor actor) {
		return Map.of("checkout", this.payments.checkout(new ApplicationId(id), actor).toString());
	}

	@GetMapping("/api/v1/tasks/{id}/assessment")
	@Operation(summary = "The taxes the task assesses, for its reviewer: as assessed at its approval, or with the "
			+ "facts they would be assessed on now; 404 when its item assesses none or the task is not yours")
	TaxAssessment assessment(@PathVariable UUID id, Actor actor) {
		return this.payments.assessment(new TaskId(id), actor)
			.orElseThrow(() -> PaymentRefused.nothingToAssess(new TaskId(id)));
	}

	@PostMapping("/api/v1/payments/callbacks/{provider}")
	@Operation(summary = "A payment provider's signed callback; 401 when the signature does not verify")
	Map<String, Object> callback(@PathVariable String provider, HttpServletRequest request,
			@RequestHeader(name = "X-Pay-Key-Id", required = false) String keyId,
			@RequestHeader(name = "X-Pay-Signature", required = false) String signature) throws IOException {
		// read no more than one byte past the limit: a forged 10 MB body is never held
		byte[] body = request.getInputStream().readNBytes(PaymentManagement.MAX_CALLBACK_BYTES + 1);
		Payment payment = this.payments.confirm(provider, body, keyId, signature);
		return Map.of("payment", payment.id(), "status", payment.status());
	}

}
