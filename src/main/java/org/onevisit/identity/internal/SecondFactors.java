package org.onevisit.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.onevisit.identity.AccountEvents.RecoveryCodeUsed;
import org.onevisit.identity.AccountEvents.SecondFactorEnrolled;
import org.onevisit.identity.AccountEvents.SecondFactorReset;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.identity.Role;
import org.onevisit.shared.Sm3;
import org.onevisit.signing.KeyEncryptionKey;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of staff accounts: a TOTP secret wrapped under the key-encryption
 * key, and ten single-use recovery codes. Applicants have none (their second proof is the
 * real-name check and the confirmed mobile number).
 */
@Component
public class SecondFactors {

	/** The roles that sign in with a second factor. */
	static final Set<Role> STAFF = Set.of(Role.CLERK, Role.REVIEWER, Role.SUPERVISOR, Role.ADMIN);

	static final int RECOVERY_CODES = 10;

	/**
	 * The TOTP secret of every demo staff account (Base32), published in the README and
	 * on the demo login page; never used outside demo mode.
	 */
	public static final String DEMO_TOTP_SECRET = "ONEVISITDEMOSTAFFSECONDFACTOR234";

	// no 0/O or 1/I/L: read aloud and typed from paper
	private static final String RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final KeyEncryptionKey kek;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SecondFactors(JdbcClient jdbc, KeyEncryptionKey kek, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.kek = kek;
		this.clock = clock;
		this.events = events;
	}

	public static boolean needed(OneVisitUser user) {
		return user.roles().stream().anyMatch(STAFF::contains);
	}

	public boolean enrolled(OneVisitUser user) {
		return this.jdbc.sql("select count(*) from identity_second_factor where account_id = :account")
			.param("account", user.accountId())
			.query(Integer.class)
			.single() > 0;
	}

	/** A fresh secret for enrolment, kept by the caller until its first code is shown. */
	public byte[] newSecret() {
		byte[] secret = new byte[20];
		this.random.nextBytes(secret);
		return secret;
	}

	/** What an authenticator app scans: issuer, account and the Base32 secret. */
	public static String otpauthUri(OneVisitUser user, byte[] secret) {
		String label = "OneVisit:" + user.getUsername();
		return "otpauth://totp/" + label + "?secret=" + Totp.base32(secret)
				+ "&issuer=OneVisit&algorithm=SHA1&digits=6&period=30";
	}

	public static String base32(byte[] secret) {
		return Totp.base32(secret);
	}

	/**
	 * Enrols the secret if the code is its current one; answers the recovery codes, shown
	 * once; empty when the code is wrong.
	 */
	@Transactional
	public List<String> enrol(OneVisitUser user, byte[] secret, String code) {
		if (Totp.matchingStep(secret, code, this.clock.instant()) < 0) {
			return List.of();
		}
		List<String> codes = store(user, secret);
		this.events.publishEvent(new SecondFactorEnrolled(user.getUsername(), this.clock.instant()));
		return codes;
	}

	/** Enrols a known secret unless the account has one: the demo's staff accounts. */
	@Transactional
	public void enrolIfAbsent(OneVisitUser user, byte[] secret) {
		if (!enrolled(user)) {
			store(user, secret);
		}
	}

	private List<String> store(OneVisitUser user, byte[] secret) {
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					insert into identity_second_factor (account_id, secret_wrapped, enrolled_at) values (:account, :secret, :at)
					on conflict (account_id) do update set secret_wrapped = excluded.secret_wrapped, enrolled_at = excluded.enrolled_at
					""")
			.param("account", user.accountId())
			.param("secret", this.kek.wrap(secret, purpose(user)))
			.param("at", Timestamp.from(now))
			.update();
		this.jdbc.sql("delete from identity_recovery_code where account_id = :account")
			.param("account", user.accountId())
			.update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				code.append(RECOVERY_ALPHABET.charAt(this.random.nextInt(RECOVERY_ALPHABET.length())));
			}
			byte[] salt = new byte[16];
			this.random.nextBytes(salt);
			this.jdbc.sql("""
					insert into identity_recovery_code (id, account_id, salt, code_hash)
					values (:id, :account, :salt, :hash)
					""")
				.param("id", UUID.randomUUID())
				.param("account", user.accountId())
				.param("salt", salt)
				.param("hash", hash(salt, code.toString()))
				.update();
			codes.add(code.substring(0, 5) + "-" + code.substring(5));
		}
		return codes;
	}

	/**
	 * Whether the code is the account's current TOTP code or one of its unused recovery
	 * codes (used up by this).
	 */
	@Transactional
	public boolean verify(OneVisitUser user, String code) {
		if (code == null) {
			return false;
		}
		List<byte[]> wrapped = this.jdbc
			.sql("select secret_wrapped from identity_second_factor where account_id = :account")
			.param("account", user.accountId())
			.query(byte[].class)
			.list();
		if (wrapped.isEmpty()) {
			return false;
		}
		byte[] secret = this.kek.unwrap(wrapped.get(0), purpose(user));
		if (Totp.matchingStep(secret, code, this.clock.instant()) >= 0) {
			return true;
		}
		return useRecoveryCode(user, code);
	}

	private boolean useRecoveryCode(OneVisitUser user, String code) {
		String clean = code.replace("-", "").strip().toUpperCase(Locale.ROOT);
		if (clean.length() != 10) {
			return false;
		}
		record Stored(UUID id, byte[] salt, byte[] hash) {
		}
		List<Stored> unused = this.jdbc.sql("""
				select id, salt, code_hash from identity_recovery_code
				where account_id = :account and used_at is null for update
				""")
			.param("account", user.accountId())
			.query((row, n) -> new Stored(row.getObject("id", UUID.class), row.getBytes("salt"),
					row.getBytes("code_hash")))
			.list();
		for (Stored stored : unused) {
			if (MessageDigest.isEqual(stored.hash(), hash(stored.salt(), clean))) {
				this.jdbc.sql("update identity_recovery_code set used_at = :at where id = :id")
					.param("at", Timestamp.from(this.clock.instant()))
					.param("id", stored.id())
					.update();
				this.events
					.publishEvent(new RecoveryCodeUsed(user.getUsername(), unused.size() - 1, this.clock.instant()));
				return true;
			}
		}
		return false;
	}

	/** An administrator clears the second factor; the staff member enrols again. */
	@Transactional
	public boolean reset(OneVisitUser user, String administrator) {
		this.jdbc.sql("delete from identity_recovery_code where account_id = :account")
			.param("account", user.accountId())
			.update();
		boolean had = this.jdbc.sql("delete from identity_second_factor where account_id = :account")
			.param("account", user.accountId())
			.update() == 1;
		if (had) {
			this.events.publishEvent(new SecondFactorReset(user.getUsername(), administrator, this.clock.instant()));
		}
		return had;
	}

	private static String purpose(OneVisitUser user) {
		return "identity/totp/" + user.getUsername();
	}

	private static byte[] hash(byte[] salt, String code) {
		return Sm3.hash(salt, code.getBytes(StandardCharsets.US_ASCII));
	}

}
