package org.onevisit.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * The signed-in person, the same object whether they came through the login page or with
 * a bearer token, so that every controller reads one principal type. Reviewers carry the
 * authority {@code DEPARTMENT_<code>} of the department they act for.
 */
public final class OneVisitUser implements UserDetails, OAuth2AuthenticatedPrincipal, CredentialsContainer {

	/**
	 * The authority of every account but a limited one: filing and confirming need it.
	 */
	public static final String IDENTITY_VERIFIED = "IDENTITY_VERIFIED";

	private final UUID accountId;

	private final String username;

	private String passwordHash;

	private final String displayName;

	private final Set<Role> roles;

	private final String departmentCode;

	private final ResidentId residentId;

	private final CreditCode creditCode;

	private final boolean enabled;

	private final boolean limited;

	public OneVisitUser(UUID accountId, String username, String passwordHash, String displayName, Set<Role> roles,
			String departmentCode, ResidentId residentId, CreditCode creditCode, boolean enabled) {
		this(accountId, username, passwordHash, displayName, roles, departmentCode, residentId, creditCode, enabled,
				false);
	}

	public OneVisitUser(UUID accountId, String username, String passwordHash, String displayName, Set<Role> roles,
			String departmentCode, ResidentId residentId, CreditCode creditCode, boolean enabled, boolean limited) {
		this.limited = limited;
		this.accountId = accountId;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.roles = Set.copyOf(roles);
		this.departmentCode = departmentCode;
		this.residentId = residentId;
		this.creditCode = creditCode;
		this.enabled = enabled;
	}

	/**
	 * Whom this account speaks for: its business if it acts for one, else the person;
	 * empty for staff accounts without an identity number.
	 */
	public Optional<Subject> subject() {
		return creditCode().map(Subject::business).or(() -> residentId().map(Subject::person));
	}

	public UUID accountId() {
		return this.accountId;
	}

	public String displayName() {
		return this.displayName;
	}

	public Set<Role> roles() {
		return this.roles;
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	/** The department a reviewer acts for. */
	public Optional<String> departmentCode() {
		return Optional.ofNullable(this.departmentCode);
	}

	/**
	 * Registered in a name whose mobile number is not yet confirmed: the account reads,
	 * and files or confirms nothing, until the person is verified.
	 */
	public boolean limited() {
		return this.limited;
	}

	public Optional<ResidentId> residentId() {
		return Optional.ofNullable(this.residentId);
	}

	public Optional<CreditCode> creditCode() {
		return Optional.ofNullable(this.creditCode);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		this.roles.forEach((role) -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		if (this.departmentCode != null) {
			authorities.add(new SimpleGrantedAuthority("DEPARTMENT_" + this.departmentCode));
		}
		if (!this.limited) {
			authorities.add(new SimpleGrantedAuthority(IDENTITY_VERIFIED));
		}
		return authorities;
	}

	@Override
	public Map<String, Object> getAttributes() {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("username", this.username);
		attributes.put("displayName", this.displayName);
		attributes.put("roles", this.roles.stream().map(Role::name).sorted().toList());
		if (this.departmentCode != null) {
			attributes.put("department", this.departmentCode);
		}
		return attributes;
	}

	@Override
	public String getName() {
		return this.username;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof OneVisitUser user && user.accountId.equals(this.accountId);
	}

	@Override
	public int hashCode() {
		return this.accountId.hashCode();
	}

	@Override
	public String toString() {
		return "OneVisitUser[" + this.username + " " + this.roles + "]";
	}

}
