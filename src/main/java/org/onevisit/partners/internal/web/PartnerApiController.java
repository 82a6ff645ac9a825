package org.onevisit.partners.internal.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationSummary;
import org.onevisit.identity.Actor;
import org.onevisit.partners.internal.Mandates;
import org.onevisit.partners.internal.PartnerFilings;
import org.onevisit.partners.internal.Webhooks;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API as partners call it with their JWTs: a filing for a person or business under
 * their mandate (the same {@code POST /api/v1/applications} applicants use, routed here
 * for partners' tokens only), and the mandates the partner holds. Every filing is on the
 * subject's record of partner actions with the mandate's id.
 */
@RestController
@Tag(name = "Partners", description = "Partners file for people and businesses under their mandates")
class PartnerApiController {

	private final PartnerFilings filings;

	private final Mandates mandates;

	private final Webhooks webhooks;

	private final ApplicationManagement applications;

	PartnerApiController(PartnerFilings filings, Mandates mandates, Webhooks webhooks,
			ApplicationManagement applications) {
		this.webhooks = webhooks;
		this.applications = applications;
		this.filings = filings;
		this.mandates = mandates;
	}

	record ApplicantRequest(String residentId, String creditCode) {
	}

	record PartnerSubmission(UUID mandateId, String itemCode, String bundleCode,
			@NotNull @Valid ApplicantRequest applicant, Map<String, Object> form,
			Map<String, @Size(max = 200) String> materials, Map<String, @Size(max = 100) String> evidence,
			Map<String, @Size(max = 500) String> uploadReasons) {
	}

	record FiledView(UUID id, String trackingNo, String status, UUID mandateId, String channel) {
	}

	record MandateView(UUID id, String subject, List<String> items, String purpose, Instant grantedAt,
			LocalDate validUntil, String channel) {
	}

	@PostMapping(path = "/api/v1/applications", headers = "OneVisit-Partner-Client")
	@PreAuthorize("hasAuthority('PARTNER')")
	@Operation(summary = "A partner files for the person or business whose mandate it names (mandateId)")
	ResponseEntity<FiledView> file(@RequestHeader("Idempotency-Key") @NotBlank @Size(max = 100) String key,
			@RequestParam(required = false) UUID mandateId, @Valid @RequestBody PartnerSubmission request,
			JwtAuthenticationToken partner) {
		ApplicantRequest applicant = request.applicant();
		PartnerFilings.Filed filed = this.filings.file(partner.getToken().getSubject(), scopesOf(partner),
				new PartnerFilings.Filing((request.mandateId() != null) ? request.mandateId() : mandateId,
						request.itemCode(), request.bundleCode(), applicant.residentId(), applicant.creditCode(),
						request.form(), request.materials(), request.evidence(), request.uploadReasons()),
				key);
		Application application = filed.application();
		return ResponseEntity.created(URI.create("/api/v1/applications/" + application.id().value()))
			.body(new FiledView(application.id().value(), application.trackingNumber(), application.status().name(),
					filed.mandate().id(), application.channel().name()));
	}

	/** The scopes the partner's token grants ({@code file:<group>}). */
	static Set<String> scopesOf(JwtAuthenticationToken partner) {
		return partner.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("SCOPE_"))
			.map((authority) -> authority.substring("SCOPE_".length()))
			.collect(Collectors.toSet());
	}

	record DeskEntry(UUID id, String trackingNo, String status, UUID mandateId, String bundleCode,
			List<String> itemCodes, Instant filedAt, Instant finishedAt) {
	}

	/**
	 * The partner's desk: the matters it filed, newest first, each with the mandate it
	 * filed under and where it stands (the bank counter follows its mortgage releases
	 * here).
	 */
	@GetMapping("/api/v1/partner/applications")
	@PreAuthorize("hasAuthority('PARTNER')")
	@Operation(summary = "The matters the calling partner filed, newest first, with their mandate and status")
	List<DeskEntry> desk(@RequestParam(defaultValue = "50") int limit, JwtAuthenticationToken partner) {
		String clientId = partner.getToken().getSubject();
		return this.mandates.filedBy(clientId, Math.max(1, Math.min(limit, 200))).stream().map((filed) -> {
			ApplicationSummary summary = this.applications.summary(new ApplicationId(filed.applicationId()),
					Actor.system());
			return new DeskEntry(filed.applicationId(), filed.trackingNumber(), summary.status().name(),
					filed.mandateId(), this.applications.filing(summary.id()).bundleCode(),
					summary.items().stream().map(ApplicationSummary.Item::itemCode).toList(), filed.at(),
					summary.finishedAt());
		}).toList();
	}

	@GetMapping("/api/v1/partner/mandates")
	@PreAuthorize("hasAuthority('PARTNER')")
	@Operation(summary = "The mandates the calling partner holds today (subjects masked)")
	List<MandateView> mandates(JwtAuthenticationToken partner) {
		return this.mandates.heldBy(partner.getToken().getSubject())
			.stream()
			.map((mandate) -> new MandateView(mandate.id(), mandate.maskedSubject(), mandate.items(), mandate.purpose(),
					mandate.grantedAt(), mandate.validUntil(), mandate.channel().name()))
			.toList();
	}

	record SubscriptionRequest(@NotBlank @Size(max = 500) String url, List<@Size(max = 60) String> events) {
	}

	@PostMapping("/api/v1/partner/webhooks")
	@PreAuthorize("hasAuthority('PARTNER')")
	@Operation(summary = "Subscribe a URL to events of the matters the partner files (Standard Webhooks, SM2-signed)")
	ResponseEntity<Webhooks.Subscription> subscribe(@Valid @RequestBody SubscriptionRequest request,
			JwtAuthenticationToken partner) {
		Webhooks.Subscription subscription = this.webhooks.subscribe(partner.getToken().getSubject(), request.url(),
				request.events());
		return ResponseEntity.created(URI.create("/api/v1/partner/webhooks")).body(subscription);
	}

	@GetMapping("/api/v1/partner/webhooks")
	@PreAuthorize("hasAuthority('PARTNER')")
	@Operation(summary = "The partner's webhook subscriptions")
	List<Webhooks.Subscription> subscriptions(JwtAuthenticationToken partner) {
		return this.webhooks.subscriptions(partner.getToken().getSubject());
	}

	@GetMapping("/api/v1/partner/webhooks/deliveries")
	@PreAuthorize("hasAuthority('PARTNER')")
	@Operation(summary = "The partner's webhook deliveries, newest first, each with its attempts")
	List<Webhooks.Delivery> deliveries(JwtAuthenticationToken partner) {
		return this.webhooks.deliveries(partner.getToken().getSubject());
	}

	@PostMapping("/api/v1/partner/webhooks/deliveries/{id}/replay")
	@PreAuthorize("hasAuthority('PARTNER')")
	@Operation(summary = "Send a delivery again now")
	ResponseEntity<Void> replay(@PathVariable String id, JwtAuthenticationToken partner) {
		this.webhooks.replay(partner.getToken().getSubject(), id);
		return ResponseEntity.accepted().build();
	}

}
