package org.onevisit.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.onevisit.identity.Role;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.stereotype.Component;

/**
 * A staff member's password alone grants no role: the login holds only
 * {@value #AUTHORITY}, which reaches the second-factor page and nothing else, until the
 * TOTP or a recovery code is given ({@link SecondFactorLogin}). Applicants keep their
 * authorities.
 */
@Component
class SecondFactorPending implements GrantedAuthoritiesMapper {

	static final String AUTHORITY = "SECOND_FACTOR_PENDING";

	private static final Set<String> STAFF = Set.of(Role.CLERK.authority(), Role.REVIEWER.authority(),
			Role.SUPERVISOR.authority(), Role.ADMIN.authority());

	@Override
	public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
		boolean staff = authorities.stream().anyMatch((authority) -> STAFF.contains(authority.getAuthority()));
		return staff ? List.of(new SimpleGrantedAuthority(AUTHORITY)) : authorities;
	}

	static boolean pending(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().anyMatch((authority) -> AUTHORITY.equals(authority.getAuthority()));
	}

}
