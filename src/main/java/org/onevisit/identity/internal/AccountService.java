package org.onevisit.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.onevisit.identity.AccountEvents.IdentityVerifiedAtWindow;
import org.onevisit.identity.AccountEvents.MobileVerified;
import org.onevisit.identity.AccountEvents.PasswordChanged;
import org.onevisit.identity.AccountEvents.PasswordRecovered;
import org.onevisit.identity.AccountEvents.RegistrationLimited;
import org.onevisit.identity.AccountManagement;
import org.onevisit.identity.AccountRuleViolated;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.identity.Role;
import org.onevisit.identity.TextMessages;
import org.onevisit.platform.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

	static final int MAX_PASSWORD_BYTES = 72;

	static final String REGISTRATION = "registration";

	static final String RECOVERY = "recovery";

	private static final Logger log = LoggerFactory.getLogger(AccountService.class);

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final OneTimeCodes codes;

	private final ApiTokens tokens;

	private final ObjectProvider<TextMessages> texts;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final SecondFactors factors;

	private final DatabaseMode mode;

	AccountService(Accounts accounts, PasswordEncoder passwords, Clock clock, OneTimeCodes codes, ApiTokens tokens,
			ObjectProvider<TextMessages> texts, MessageSource messages, ApplicationEventPublisher events,
			SecondFactors factors, DatabaseMode mode) {
		this.factors = factors;
		this.mode = mode;
		this.accounts = accounts;
		this.passwords = passwords;
		this.clock = clock;
		this.codes = codes;
		this.tokens = tokens;
		this.texts = texts;
		this.messages = messages;
		this.events = events;
	}

	@Override
	@Transactional
	public Registered registerLimited(Registration registration) {
		OneVisitUser user = register(registration);
		this.accounts.limit(user.accountId());
		return limitedUntilConfirmed(user, registration.phone().strip().equals(registration.registryMobile()));
	}

	@Override
	@Transactional
	public Registered registerBusinessLimited(BusinessRegistration registration) {
		OneVisitUser user = registerBusiness(registration);
		this.accounts.limit(user.accountId());
		this.accounts.setRegistryMobile(user.accountId(), registration.registryMobile());
		return limitedUntilConfirmed(user, registration.phone().strip().equals(registration.registryMobile()));
	}

	/**
	 * A code to the number given when the registry holds it; otherwise the account waits
	 * for a window.
	 */
	private Registered limitedUntilConfirmed(OneVisitUser user, boolean registryHolds) {
		if (registryHolds) {
			sendCode(user.accountId(), REGISTRATION, this.accounts.registryMobile(user.accountId()));
		}
		this.events.publishEvent(new RegistrationLimited(user.getUsername(), registryHolds, this.clock.instant()));
		return new Registered(this.accounts.findById(user.accountId()).orElseThrow(), registryHolds);
	}

	@Override
	@Transactional
	public void resendRegistrationCode(String username) {
		OneVisitUser user = limitedAccount(username);
		String registryMobile = this.accounts.registryMobile(user.accountId());
		if (registryMobile == null) {
			throw new AccountRuleViolated("code_not_possible", "the number given is not the registry's");
		}
		sendCode(user.accountId(), REGISTRATION, registryMobile);
	}

	@Override
	@Transactional
	public void confirmMobile(String username, String code) {
		OneVisitUser user = limitedAccount(username);
		this.codes.use(user.accountId(), REGISTRATION, code);
		Instant now = this.clock.instant();
		this.accounts.verify(user.accountId(), "sms", now);
		this.events.publishEvent(new MobileVerified(user.getUsername(), now));
	}

	@Override
	@Transactional
	public void verifyAtWindow(String username, String clerk) {
		OneVisitUser user = this.accounts.findByUsername(username)
			.orElseThrow(() -> new AccountRuleViolated("account_not_found", "no such account"));
		Instant now = this.clock.instant();
		if (this.accounts.verify(user.accountId(), clerk, now)) {
			this.events.publishEvent(new IdentityVerifiedAtWindow(user.getUsername(), clerk, now));
		}
	}

	@Override
	@Transactional
	public void changePassword(String username, String oldPassword, String newPassword) {
		OneVisitUser user = this.accounts.findByUsername(username).orElseThrow();
		if (oldPassword == null || !this.passwords.matches(oldPassword, user.getPassword())) {
			throw new AccountRuleViolated("password_wrong", "the current password is not this one");
		}
		checkPassword(newPassword);
		this.accounts.setPassword(user.accountId(), this.passwords.encode(newPassword));
		int revoked = this.tokens.revokeAll(user, "password-change");
		this.events.publishEvent(new PasswordChanged(username, revoked, this.clock.instant()));
	}

	@Override
	@Transactional
	public void startRecovery(String username) {
		Optional<OneVisitUser> user = this.accounts.findByUsername(username == null ? "" : username.strip());
		if (user.isEmpty() || user.get().limited()) {
			return;
		}
		String phone = this.accounts.phone(user.get().accountId());
		if (phone != null) {
			sendCode(user.get().accountId(), RECOVERY, phone);
		}
	}

	@Override
	@Transactional
	public void recover(String username, String code, String newPassword) {
		OneVisitUser user = this.accounts.findByUsername(username == null ? "" : username.strip())
			.orElseThrow(() -> new AccountRuleViolated("code_wrong", "no such account"));
		checkPassword(newPassword);
		this.codes.use(user.accountId(), RECOVERY, code);
		this.accounts.setPassword(user.accountId(), this.passwords.encode(newPassword));
		int revoked = this.tokens.revokeAll(user, "password-recovery");
		this.events.publishEvent(new PasswordRecovered(user.getUsername(), revoked, this.clock.instant()));
	}

	private OneVisitUser limitedAccount(String username) {
		return this.accounts.findByUsername(username == null ? "" : username.strip())
			.filter(OneVisitUser::limited)
			.orElseThrow(() -> new AccountRuleViolated("code_wrong", "no limited account of that name"));
	}

	private void sendCode(UUID account, String purpose, String mobile) {
		String code = this.codes.issue(account, purpose, mobile);
		String text = this.messages.getMessage("sms.code." + purpose, new Object[] { code },
				LocaleContextHolder.getLocale());
		TextMessages sms = this.texts.getIfAvailable();
		if (sms == null) {
			throw new IllegalStateException("no SMS gateway to send the one-time code");
		}
		sms.send(mobile, text);
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
		OneVisitUser opened = this.accounts.findByUsername(account.username()).orElseThrow();
		if (this.mode.demo() && SecondFactors.needed(opened)) {
			// the demo's staff share a published secret, so that a tester signs in at
			// once
			this.factors.enrolIfAbsent(opened, Totp.fromBase32(SecondFactors.DEMO_TOTP_SECRET));
		}
		return opened;
	}

	@Override
	@Transactional
	public OneVisitUser register(Registration registration) {
		checkPhoneAndPassword(registration.phone(), registration.rawPassword());
		String name = registration.name().strip();
		OneVisitUser user = new OneVisitUser(UUID.randomUUID(), registration.residentId().value(),
				this.passwords.encode(registration.rawPassword()), name, Set.of(Role.APPLICANT), null,
				registration.residentId(), null, true);
		openOnce(user, registration.phone(),
				(account) -> this.accounts.setRegistryMobile(account, registration.registryMobile()),
				() -> new AccountRuleViolated("already_registered", "this person already has an account"));
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
		openOnce(user, registration.phone(),
				(account) -> this.accounts.setActingPerson(account, registration.actingPerson().value(),
						registration.actingName().strip()),
				() -> new AccountRuleViolated("business_already_registered", "this business already has an account"));
		log.info("Registered business account {} acting {}", registration.creditCode().value(),
				registration.actingPerson().masked());
		return this.accounts.findByUsername(user.getUsername()).orElseThrow();
	}

	/**
	 * Opens a registering applicant's account with its phone and what its kind keeps
	 * besides; an account already there, found or met by the unique key of a registration
	 * at the same moment, is refused as already registered.
	 */
	private void openOnce(OneVisitUser user, String phone, Predicate<UUID> keepsBesides,
			Supplier<AccountRuleViolated> alreadyRegistered) {
		boolean opened;
		try {
			opened = this.accounts.insertIfAbsent(user, this.clock.instant())
					&& this.accounts.setPhone(user.accountId(), phone.strip()) && keepsBesides.test(user.accountId());
		}
		catch (DuplicateKeyException ex) {
			opened = false;
		}
		if (!opened) {
			throw alreadyRegistered.get();
		}
	}

	private static void checkPhoneAndPassword(String phone, String password) {
		if (phone == null || !MOBILE.matcher(phone.strip()).matches()) {
			throw new AccountRuleViolated("phone_invalid", "a mainland mobile number has 11 digits and starts with 1");
		}
		checkPassword(password);
	}

	/**
	 * At least 10 characters, and at most 72 bytes: bcrypt reads no further, so more
	 * would be a promise it does not keep.
	 */
	static void checkPassword(String password) {
		if (password == null || password.length() < 10) {
			throw new AccountRuleViolated("password_too_short", "a password has at least 10 characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new AccountRuleViolated("password_too_long", "a password has at most 72 bytes");
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

	// a transaction, as ApiTokens.introspect is, so that a sign-in meeting a connection
	// the
	// server ended at a switchover runs again on a new one
	@Override
	@Transactional(readOnly = true)
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
