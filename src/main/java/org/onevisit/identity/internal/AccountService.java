package org.onevisit.identity.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.onevisit.identity.AccountManagement;
import org.onevisit.identity.AccountRuleViolated;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
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
	@Transactional
	public OneVisitUser register(Registration registration) {
		checkPhoneAndPassword(registration.phone(), registration.rawPassword());
		String name = registration.name().strip();
		OneVisitUser user = new OneVisitUser(UUID.randomUUID(), registration.residentId().value(),
				this.passwords.encode(registration.rawPassword()), name, Set.of(Role.APPLICANT), null,
				registration.residentId(), null, true);
		boolean opened;
		try {
			opened = this.accounts.insertIfAbsent(user, this.clock.instant())
					&& this.accounts.setPhone(user.accountId(), registration.phone().strip());
		}
		catch (DuplicateKeyException ex) {
			opened = false;
		}
		if (!opened) {
			throw new AccountRuleViolated("already_registered", "this person already has an account");
		}
		log.info("Registered applicant account {}", registration.residentId().masked());
		return this.accounts.findByUsername(user.getUsername()).orElseThrow();
	}

	@Override
	@Transactional
	public OneVisitUser registerBusiness(BusinessRegistration registration) {
		checkPhoneAndPassword(registration.phone(), registration.rawPassword());
		String display = registration.enterpriseName().strip() + "（" + registration.actingName().strip() + "）";
		OneVisitUser user = new OneVisitUser(UUID.randomUUID(), registration.creditCode().value(),
				this.passwords.encode(registration.rawPassword()), display, Set.of(Role.APPLICANT), null, null,
				registration.creditCode(), true);
		boolean opened;
		try {
			opened = this.accounts.insertIfAbsent(user, this.clock.instant())
					&& this.accounts.setPhone(user.accountId(), registration.phone().strip())
					&& this.accounts.setActingPerson(user.accountId(), registration.actingPerson().value(),
							registration.actingName().strip());
		}
		catch (DuplicateKeyException ex) {
			opened = false;
		}
		if (!opened) {
			throw new AccountRuleViolated("business_already_registered", "this business already has an account");
		}
		log.info("Registered business account {} acting {}", registration.creditCode().value(),
				registration.actingPerson().masked());
		return this.accounts.findByUsername(user.getUsername()).orElseThrow();
	}

	private static void checkPhoneAndPassword(String phone, String password) {
		if (phone == null || !MOBILE.matcher(phone.strip()).matches()) {
			throw new AccountRuleViolated("phone_invalid", "a mainland mobile number has 11 digits and starts with 1");
		}
		if (password == null || password.length() < 10) {
			throw new AccountRuleViolated("password_too_short", "a password has at least 10 characters");
		}
	}

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	@Override
	public Optional<OneVisitUser> findByUsername(String username) {
		return this.accounts.findByUsername(username);
	}

	@Override
	public boolean passwordMatches(String username, String rawPassword) {
		return rawPassword != null && this.accounts.findByUsername(username)
			.map((user) -> this.passwords.matches(rawPassword, user.getPassword()))
			.orElse(false);
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
