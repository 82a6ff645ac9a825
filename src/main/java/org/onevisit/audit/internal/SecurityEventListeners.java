package org.onevisit.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.onevisit.audit.SecurityEvent.AccessRefused;
import org.onevisit.audit.SecurityEvent.AccountChanged;
import org.onevisit.audit.SecurityEvent.KeyUsed;
import org.onevisit.audit.SecurityEvent.LoginFailed;
import org.onevisit.audit.SecurityEvent.LoginSucceeded;
import org.onevisit.audit.SecurityLog;
import org.onevisit.identity.AccountEvents;
import org.onevisit.signing.KeyRotated;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Spring Security's own events into the security log: logins with a password (page or
 * token request) that held or failed, and every access a signed-in person was refused. A
 * bearer token checked on each API call is not a login and is not recorded; a refused
 * anonymous visit is only sent to log in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityEventListeners {

	private final SecurityLog log;

	SecurityEventListeners(SecurityLog log) {
		this.log = log;
	}

	/**
	 * Authorization publishes its refusals (the filter's and {@code @PreAuthorize}'s)
	 * only when such a publisher exists; grants are not published.
	 */
	@Bean
	static AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
		return new SpringAuthorizationEventPublisher(events);
	}

	@EventListener
	void on(AuthenticationSuccessEvent success) {
		if (success.getAuthentication() instanceof UsernamePasswordAuthenticationToken login) {
			this.log.record(LoginSucceeded.from(login.getName(), addressOf(login)));
		}
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent failure) {
		if (failure.getAuthentication() instanceof UsernamePasswordAuthenticationToken login) {
			this.log.record(LoginFailed.from(login.getName(), addressOf(login),
					failure.getException().getClass().getSimpleName()));
		}
		else {
			// a bearer token that does not hold: never its value, which may be someone's
			this.log.record(LoginFailed.from("anonymous", addressOf(failure.getAuthentication()), "bearer token"));
		}
	}

	/** A signing key rotated: the use of a key an administrator decides. */
	@EventListener
	void on(KeyRotated rotated) {
		this.log.record(new KeyUsed(rotated.by(), rotated.keyId(), "rotation " + rotated.name().code()));
	}

	/** Every change to how an account authenticates, by whoever made it. */
	@EventListener
	void on(AccountEvents.AccountEvent changed) {
		String actor = changed.username();
		if (changed instanceof AccountEvents.SecondFactorReset reset) {
			actor = reset.administrator();
		}
		else if (changed instanceof AccountEvents.IdentityVerifiedAtWindow verified) {
			actor = verified.clerk();
		}
		else if (changed instanceof AccountEvents.ApiTokenRevoked revoked) {
			actor = revoked.by();
		}
		this.log.record(new AccountChanged(actor, changed.username(), changed.getClass().getSimpleName()));
	}

	@EventListener
	void on(AuthorizationDeniedEvent<?> denied) {
		Authentication who = denied.getAuthentication().get();
		if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
			return;
		}
		HttpServletRequest request = currentRequest();
		this.log.record(AccessRefused.to(who.getName(), (request != null) ? request.getMethod() : "-",
				(request != null) ? request.getRequestURI() : String.valueOf(denied.getSource())));
	}

	private static String addressOf(Authentication authentication) {
		if (authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails details) {
			return details.getRemoteAddress();
		}
		HttpServletRequest request = currentRequest();
		return (request != null) ? request.getRemoteAddr() : "-";
	}

	private static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}
