package org.onevisit.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.onevisit.identity.OneVisitUser;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Completes a staff login once the second factor is given: the session's authentication
 * is replaced by one with the account's roles, under a new session id.
 */
@Component
public class SecondFactorLogin {

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	public void complete(OneVisitUser user, HttpServletRequest request, HttpServletResponse response) {
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	/** Whether this login still waits for its second factor. */
	public static boolean pending(Authentication authentication) {
		return authentication != null && SecondFactorPending.pending(authentication.getAuthorities());
	}

}
