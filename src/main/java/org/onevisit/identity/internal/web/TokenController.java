package org.onevisit.identity.internal.web;

import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.identity.Role;
import org.onevisit.platform.LoginGuard;
import org.onevisit.shared.OneVisitException;
import org.onevisit.identity.internal.ApiTokens;
import org.onevisit.identity.internal.SecondFactorLogin;
import org.onevisit.identity.internal.SecondFactors;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authentication", description = "Bearer tokens for partner systems and tests")
class TokenController {

	private final AuthenticationManager authentication;

	private final ApiTokens tokens;

	private final SecondFactors factors;

	private final LoginGuard guard;

	TokenController(AuthenticationManager authentication, ApiTokens tokens, SecondFactors factors, LoginGuard guard) {
		this.authentication = authentication;
		this.tokens = tokens;
		this.factors = factors;
		this.guard = guard;
	}

	/** The one-time code {@code otp} is needed for staff accounts only. */
	record TokenRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password,
			@Size(max = 20) String otp) {
	}

	record TokenResponse(String access_token, String token_type, long expires_in) {
	}

	record Me(String username, String displayName, List<String> roles, String department, boolean identityVerified) {
	}

	/**
	 * Same answer for an unknown user and a wrong password, so the API reveals no
	 * usernames.
	 */
	static final class InvalidCredentials extends OneVisitException {

		InvalidCredentials() {
			super("invalid_credentials", Kind.UNAUTHENTICATED, "username or password is wrong");
		}

	}

	/**
	 * Too many failed logins for the account at this address or from the address: try
	 * again after the back-off, given in whole minutes rounded up.
	 */
	static final class TooManyAttempts extends OneVisitException {

		TooManyAttempts(Duration retryAfter) {
			super("too_many_attempts", Kind.TOO_MANY_REQUESTS, "too many failed logins",
					Math.max(1, retryAfter.plusSeconds(59).toMinutes()));
		}

	}

	@PostMapping("/api/v1/auth/token")
	@Operation(summary = "Exchange a username and password for a bearer token valid for one hour")
	TokenResponse token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		Authentication authenticated;
		try {
			UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken
				.unauthenticated(request.username(), request.password());
			// the address the throttle counts
			attempt.setDetails(new WebAuthenticationDetails(http));
			authenticated = this.authentication.authenticate(attempt);
		}
		catch (LoginGuard.Refused ex) {
			throw new TooManyAttempts(ex.retryAfter());
		}
		catch (AuthenticationException ex) {
			throw new InvalidCredentials();
		}
		OneVisitUser user = (OneVisitUser) authenticated.getPrincipal();
		if (SecondFactorLogin.pending(authenticated)) {
			// staff tools get a token only with the second factor too
			requireSecondFactor(user, request.otp(), http);
		}
		ApiTokens.IssuedToken token = this.tokens.issue(user);
		return new TokenResponse(token.value(), "Bearer", token.lifetime().toSeconds());
	}

	private void requireSecondFactor(OneVisitUser user, String otp, HttpServletRequest http) {
		if (!this.factors.enrolled(user)) {
			throw new SecondFactorMissing("second_factor_not_enrolled", "enrol at the login page first");
		}
		boolean right;
		try {
			right = this.guard.passes(user.getUsername(), http.getRemoteAddr(), () -> this.factors.verify(user, otp));
		}
		catch (LoginGuard.Refused ex) {
			throw new TooManyAttempts(ex.retryAfter());
		}
		if (!right) {
			throw new SecondFactorMissing("second_factor_required", "a staff token needs the one-time code");
		}
	}

	/** A staff account's password without a right one-time code. */
	static final class SecondFactorMissing extends OneVisitException {

		SecondFactorMissing(String code, String developerMessage) {
			super(code, Kind.UNAUTHENTICATED, developerMessage);
		}

	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "Who the bearer of this token is")
	Me me(@AuthenticationPrincipal OneVisitUser user) {
		return new Me(user.getUsername(), user.displayName(), user.roles().stream().map(Role::name).sorted().toList(),
				user.departmentCode().orElse(null), !user.limited());
	}

}
