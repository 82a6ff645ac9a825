package org.onevisit.identity.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onevisit.identity.AccountManagement;
import org.onevisit.identity.AccountRuleViolated;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

@Service
class AccountService implements AccountManagement, UserDetailsService {

	private static final Logger log = LoggerFactory.getLogger(AccountService.class);

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final Clock clock;

	AccountService(Accounts accounts, PasswordEncoder passwords, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	@Transactional
	public OneVisitUser openIfAbsent(NewAccount account) {
		Optional<OneVisitUser> existing = this.accounts.findByUsername(account.username());
		if (existing.isPresent()) {
			return existing.get();
		}
		requireReviewersHaveADepartment(account);
		OneVisitUser user = new OneVisitUser(UUID.randomUUID(), account.username(),
				this.passwords.encode(account.rawPassword()), account.displayName(), Set.of(account.role()),
				account.departmentCode(), account.residentId(), account.creditCode(), true);
		if (this.accounts.insertIfAbsent(user, this.clock.instant())) {
			log.info("Opened account {} with role {}", account.username(), account.role());
		}
		return this.accounts.findByUsername(account.username()).orElseThrow();
	}

	@Override
	public Optional<OneVisitUser> findByUsername(String username) {
		return this.accounts.findByUsername(username);
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

	static void requireReviewersHaveADepartment(NewAccount account) {
		boolean hasDepartment = StringUtils.hasText(account.departmentCode());
		if (account.role() == Role.REVIEWER && !hasDepartment) {
			throw new AccountRuleViolated("a reviewer acts for exactly one department");
		}
		if (account.role() != Role.REVIEWER && hasDepartment) {
			throw new AccountRuleViolated("only reviewers are bound to a department");
		}
		if (account.role() == Role.APPLICANT && account.residentId() == null && account.creditCode() == null) {
			throw new AccountRuleViolated("an applicant is known by resident ID or credit code");
		}
	}

}
