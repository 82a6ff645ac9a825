package org.onevisit.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.identity.AccountRuleViolated;
import org.onevisit.shared.Sm3;

import org.onevisit.privacy.PersonalData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six-digit codes sent by SMS to prove a person holds a mobile number: kept only as a
 * salted SM3 hash, valid for five minutes, five attempts, used once; a new code for the
 * same account and purpose waits a minute after the last one, and at most five go out an
 * hour, so that nobody floods a phone or the SMS budget.
 */
@Component
class OneTimeCodes {

	static final Duration LIFETIME = Duration.ofMinutes(5);

	static final int ATTEMPTS = 5;

	static final Duration RESEND_AFTER = Duration.ofMinutes(1);

	static final int PER_HOUR = 5;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PersonalData personalData;

	OneTimeCodes(JdbcClient jdbc, Clock clock, PersonalData personalData) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.personalData = personalData;
	}

	/** A new code for the account and purpose, to be sent to the mobile number. */
	String issue(UUID account, String purpose, String mobile) {
		Instant now = this.clock.instant();
		Optional<Instant> last = this.jdbc
			.sql("select max(sent_at) from identity_one_time_code where account_id = :account and purpose = :purpose")
			.param("account", account)
			.param("purpose", purpose)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
		int lastHour = this.jdbc.sql("""
				select count(*) from identity_one_time_code
				where account_id = :account and purpose = :purpose and sent_at > :since
				""")
			.param("account", account)
			.param("purpose", purpose)
			.param("since", Timestamp.from(now.minus(Duration.ofHours(1))))
			.query(Integer.class)
			.single();
		if ((last.isPresent() && last.get().plus(RESEND_AFTER).isAfter(now)) || lastHour >= PER_HOUR) {
			throw new AccountRuleViolated("code_sent_recently", "wait before asking for another code");
		}
		String code = String.format("%06d", this.random.nextInt(1_000_000));
		byte[] salt = new byte[16];
		this.random.nextBytes(salt);
		this.jdbc
			.sql("""
					insert into identity_one_time_code (id, account_id, purpose, mobile, salt, code_hash, sent_at, expires_at)
					values (:id, :account, :purpose, :mobile, :salt, :hash, :sentAt, :expiresAt)
					""")
			.param("id", UUID.randomUUID())
			.param("account", account)
			.param("purpose", purpose)
			// which number a code went to, as a keyed index: the number itself is
			// personal data
			.param("mobile", this.personalData.blindIndex("mobile", mobile))
			.param("salt", salt)
			.param("hash", hash(salt, code))
			.param("sentAt", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(now.plus(LIFETIME)))
			.update();
		return code;
	}

	/**
	 * Uses up the latest code of the account and purpose if this is it; refuses a wrong,
	 * expired, used-up or exhausted code. A wrong attempt counts even when the caller's
	 * transaction rolls back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = AccountRuleViolated.class)
	void use(UUID account, String purpose, String code) {
		record Latest(UUID id, byte[] salt, byte[] hash, Instant expires, int attempts, Timestamp used) {
		}
		Latest latest = this.jdbc.sql("""
				select id, salt, code_hash, expires_at, attempts, used_at from identity_one_time_code
				where account_id = :account and purpose = :purpose order by sent_at desc limit 1 for update
				""")
			.param("account", account)
			.param("purpose", purpose)
			.query((row, n) -> new Latest(row.getObject("id", UUID.class), row.getBytes("salt"),
					row.getBytes("code_hash"), row.getTimestamp("expires_at").toInstant(), row.getInt("attempts"),
					row.getTimestamp("used_at")))
			.optional()
			.orElseThrow(() -> new AccountRuleViolated("code_wrong", "no code was sent"));
		Instant now = this.clock.instant();
		if (latest.used() != null || !now.isBefore(latest.expires())) {
			throw new AccountRuleViolated("code_expired", "the code has expired or was used");
		}
		if (latest.attempts() >= ATTEMPTS) {
			throw new AccountRuleViolated("code_attempts_exhausted", "too many wrong codes; ask for a new one");
		}
		boolean right = code != null && code.strip().matches("\\d{6}")
				&& MessageDigest.isEqual(latest.hash(), hash(latest.salt(), code.strip()));
		this.jdbc.sql("update identity_one_time_code set attempts = attempts + 1, used_at = :used where id = :id")
			.param("used", right ? Timestamp.from(now) : null)
			.param("id", latest.id())
			.update();
		if (!right) {
			throw new AccountRuleViolated("code_wrong", "the code is not the one sent");
		}
	}

	private static byte[] hash(byte[] salt, String code) {
		return Sm3.hash(salt, code.getBytes(StandardCharsets.US_ASCII));
	}

}
