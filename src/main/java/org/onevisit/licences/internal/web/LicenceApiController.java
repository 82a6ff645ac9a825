package org.onevisit.licences.internal.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onevisit.identity.Actor;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.licences.Licence;
import org.onevisit.licences.LicenceWallet;
import org.onevisit.licences.LicenceWallet.PublishedKey;
import org.onevisit.licences.Verification;
import org.onevisit.transparency.Inclusion;
import org.onevisit.transparency.LogEntry;
import org.onevisit.transparency.TransparencyLog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Licences for partners and verifiers. Keys and verification are public: a bank handed a
 * licence checks it without an account.
 */
@RestController
@Tag(name = "Licences", description = "Electronic licences: wallet, verification, revocation")
class LicenceApiController {

	private final LicenceWallet wallet;

	private final JsonMapper json;

	private final TransparencyLog log;

	LicenceApiController(LicenceWallet wallet, JsonMapper json, TransparencyLog log) {
		this.wallet = wallet;
		this.json = json;
		this.log = log;
	}

	record LicenceView(UUID id, String number, String type, String typeCode, String holder, String issuerDepartment,
			String issuerName, LocalDate issuedOn, LocalDate validUntil, Map<String, String> fields, String trackingNo,
			String itemCode, boolean revoked, Instant revokedAt, String revocationReason, UUID supersededBy,
			String successorNumber, URI verificationPage, JsonNode document) {
	}

	record VerificationView(boolean valid, String reason, UUID licence, String number, String type, String issuerName,
			LocalDate issuedOn, LocalDate validUntil, Instant revokedAt, String revocationReason, UUID supersededBy,
			String successorNumber, Inclusion log) {
	}

	record RevocationRequest(String reason) {
	}

	@GetMapping("/api/v1/licences/keys")
	@Operation(summary = "The public keys licences are signed with (SM2, curve sm2p256v1), current first")
	List<PublishedKey> keys() {
		return this.wallet.publicKeys();
	}

	@PostMapping(path = "/api/v1/licences/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Verify a licence document: valid, or the reason it is not "
			+ "(malformed, unknown_key, signature_mismatch, superseded, revoked, expired, not_issued)")
	VerificationView verify(@RequestBody String document) {
		Verification verification = this.wallet.verify(document);
		Licence licence = verification.licence();
		Licence.Revocation revocation = (licence != null) ? licence.revocation() : null;
		return new VerificationView(verification.valid(),
				(verification.failure() != null) ? verification.failure().code() : null,
				(licence != null) ? licence.id() : null, (licence != null) ? licence.number() : null,
				(licence != null) ? licence.typeName() : null, (licence != null) ? licence.issuerName() : null,
				(licence != null) ? licence.issuedOn() : null, (licence != null) ? licence.validUntil() : null,
				verification.revokedAt(), verification.revocationReason(),
				(revocation != null) ? revocation.successor() : null,
				(revocation != null) ? revocation.successorNumber() : null,
				// where the public log records the licence, with the proof against its
				// signed checkpoint (null until a checkpoint covers it)
				(licence != null) ? this.log.inclusion(LogEntry.licenceReference(licence.id())).orElse(null) : null);
	}

	@GetMapping("/api/v1/licences")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "The caller's licences, newest first")
	List<LicenceView> mine(@AuthenticationPrincipal OneVisitUser user) {
		return user.subject().map(this.wallet::heldBy).orElse(List.of()).stream().map(this::view).toList();
	}

	@GetMapping("/api/v1/licences/{id}")
	@Operation(summary = "One licence with its signed document; 404 unless the caller holds it, obtained it, "
			+ "or reviews for the issuing department")
	LicenceView one(@PathVariable UUID id, @AuthenticationPrincipal OneVisitUser user, Actor actor) {
		return view(this.wallet.find(id, user.subject().orElse(null), actor));
	}

	@PostMapping("/api/v1/licences/{id}/revocation")
	@PreAuthorize("hasRole('REVIEWER')")
	@Operation(summary = "Revoke a licence of the caller's department, with a reason the holder reads")
	ResponseEntity<LicenceView> revoke(@PathVariable UUID id, @RequestBody RevocationRequest request, Actor actor) {
		return ResponseEntity.ok(view(this.wallet.revoke(id, request.reason(), actor)));
	}

	private LicenceView view(Licence licence) {
		Licence.Revocation revocation = licence.revocation();
		return new LicenceView(licence.id(), licence.number(), licence.typeName(), licence.typeCode(),
				licence.holder().identifier(), licence.issuerDepartment(), licence.issuerName(), licence.issuedOn(),
				licence.validUntil(), licence.fields(), licence.trackingNumber(), licence.itemCode(), licence.revoked(),
				(revocation != null) ? revocation.at() : null, (revocation != null) ? revocation.reason() : null,
				(revocation != null) ? revocation.successor() : null,
				(revocation != null) ? revocation.successorNumber() : null,
				URI.create("/verify/licences/" + licence.id()), this.json.readTree(licence.document()));
	}

}
