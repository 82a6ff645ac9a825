package org.onevisit.identity.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.onevisit.identity.AccountManagement;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.identity.internal.ApiTokens;
import org.onevisit.identity.internal.SecondFactors;
import org.onevisit.shared.OneVisitException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authentication", description = "Bearer tokens for partner systems and tests")
class AccountApiController {

	private final AccountManagement accounts;

	private final ApiTokens tokens;

	private final Clock clock;

	private final SecondFactors factors;

	AccountApiController(AccountManagement accounts, ApiTokens tokens, Clock clock, SecondFactors factors) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.clock = clock;
		this.factors = factors;
	}

	record TokenView(UUID id, Instant issuedAt, Instant expiresAt, Instant revokedAt, boolean active) {
	}

	record PasswordChange(@NotBlank @Size(max = 200) String oldPassword,
			@NotBlank @Size(max = 200) String newPassword) {
	}

	/** No such account or token: the same answer either way. */
	static final class NotFound extends OneVisitException {

		static NotFound token() {
			return new NotFound();
		}

		NotFound() {
			super("not_found", Kind.NOT_FOUND, "no such account or token");
		}

	}

	@GetMapping("/api/v1/me/tokens")
	@Operation(summary = "The bearer tokens issued to me in the last day, never the tokens themselves")
	List<TokenView> myTokens(@AuthenticationPrincipal OneVisitUser user) {
		Instant now = this.clock.instant();
		return this.tokens.of(user)
			.stream()
			.map((t) -> new TokenView(t.id(), t.issuedAt(), t.expiresAt(), t.revokedAt(), t.activeAt(now)))
			.toList();
	}

	@PostMapping("/api/v1/me/tokens/{id}/revocation")
	@Operation(summary = "Revoke one of my tokens")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal OneVisitUser user, @PathVariable UUID id) {
		if (!this.tokens.revoke(user, id, user.getUsername())) {
			throw new NotFound();
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/me/password")
	@Operation(summary = "Change my password; every token of mine, this one included, is revoked")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal OneVisitUser user,
			@Valid @RequestBody PasswordChange change) {
		this.accounts.changePassword(user.getUsername(), change.oldPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/accounts/{username}/identity-verification")
	@PreAuthorize("hasRole('CLERK')")
	@Operation(summary = "A clerk has checked the person's ID card at a window: lift the account's limit")
	ResponseEntity<Void> verifiedAtWindow(@AuthenticationPrincipal OneVisitUser clerk, @PathVariable String username) {
		this.accounts.findByUsername(username).orElseThrow(NotFound::new);
		this.accounts.verifyAtWindow(username, clerk.getUsername());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/admin/accounts/{username}/second-factor/reset")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(
			summary = "Clear a staff member's second factor (a lost phone); they set it up again at their next login")
	ResponseEntity<Void> resetSecondFactor(@AuthenticationPrincipal OneVisitUser admin, @PathVariable String username) {
		OneVisitUser holder = this.accounts.findByUsername(username).orElseThrow(NotFound::new);
		if (!this.factors.reset(holder, admin.getUsername())) {
			throw new NotFound();
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/admin/accounts/{username}/tokens/revocation")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Revoke every token of an account")
	Map<String, Integer> revokeAll(@AuthenticationPrincipal OneVisitUser admin, @PathVariable String username) {
		OneVisitUser holder = this.accounts.findByUsername(username).orElseThrow(NotFound::new);
		return Map.of("revoked", this.tokens.revokeAll(holder, admin.getUsername()));
	}

}
