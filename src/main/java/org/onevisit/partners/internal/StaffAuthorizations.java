package org.onevisit.partners.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.onevisit.identity.OneVisitUser;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;

/**
 * The authorization server's authorizations in PostgreSQL, so that a code issued on one
 * node is redeemed on another. A staff sign-in is stored with the username, the roles and
 * the department only: the signed-in account itself (its personal data) is never written
 * there. Partners' client-credentials tokens are not stored at all: they are
 * self-contained JWTs, checked by signature and by the partner's standing.
 */
@Component
class StaffAuthorizations implements OAuth2AuthorizationService {

	/** The authority a department code travels in, for the ID token's claim. */
	static final String DEPARTMENT = "DEPARTMENT_";

	private final JdbcOAuth2AuthorizationService stored;

	StaffAuthorizations(JdbcTemplate jdbc, PartnerClients clients) {
		this.stored = new JdbcOAuth2AuthorizationService(jdbc, clients);
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
			return;
		}
		Object principal = authorization.getAttribute(Principal.class.getName());
		if (principal instanceof Authentication signedIn && !(signedIn.getPrincipal() instanceof String)) {
			authorization = OAuth2Authorization.from(authorization)
				.attribute(Principal.class.getName(), plain(signedIn))
				.build();
		}
		this.stored.save(authorization);
	}

	/** The sign-in as a username with its authorities (and department), nothing more. */
	private static Authentication plain(Authentication signedIn) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		signedIn.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("ROLE_"))
			.map(SimpleGrantedAuthority::new)
			.forEach(authorities::add);
		if (signedIn.getPrincipal() instanceof OneVisitUser user) {
			user.departmentCode()
				.ifPresent((department) -> authorities.add(new SimpleGrantedAuthority(DEPARTMENT + department)));
		}
		return UsernamePasswordAuthenticationToken.authenticated(signedIn.getName(), null, authorities);
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.stored.remove(authorization);
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return this.stored.findById(id);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return this.stored.findByToken(token, tokenType);
	}

}
