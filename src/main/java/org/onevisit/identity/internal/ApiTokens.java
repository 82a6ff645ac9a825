package org.onevisit.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.onevisit.identity.AccountEvents.ApiTokenIssued;
import org.onevisit.identity.AccountEvents.ApiTokenRevoked;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.shared.Sm3;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens for API clients. Only the SM3 hash of a token is stored, so a copy
 * of the database hands out no usable token; tokens live in the database, so every node
 * of a cluster accepts them, and a revoked one is refused by all of them at once. Each
 * has an id its holder sees in 我的空间 and revokes it by.
 */
@Component
public class ApiTokens implements OpaqueTokenIntrospector {

	static final Duration LIFETIME = Duration.ofHours(1);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ApiTokens(JdbcClient jdbc, Accounts accounts, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
		this.events = events;
	}

	public record IssuedToken(String value, Duration lifetime) {
	}

	/** A token as its holder sees it: never the token itself. */
	public record TokenEntry(UUID id, Instant issuedAt, Instant expiresAt, Instant revokedAt) {

		public boolean activeAt(Instant now) {
			return this.revokedAt == null && now.isBefore(this.expiresAt);
		}

	}

	public IssuedToken issue(OneVisitUser user) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into identity_api_token (id, token_hash, account_id, issued_at, expires_at)
				values (:id, :hash, :account, :issuedAt, :expiresAt)
				""")
			.param("id", id)
			.param("hash", sm3(token))
			.param("account", user.accountId())
			.param("issuedAt", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(now.plus(LIFETIME)))
			.update();
		this.events.publishEvent(new ApiTokenIssued(user.getUsername(), id, now));
		return new IssuedToken(token, LIFETIME);
	}

	/** The account's tokens of the last day, newest first. */
	public List<TokenEntry> of(OneVisitUser user) {
		return this.jdbc.sql("""
				select id, issued_at, expires_at, revoked_at from identity_api_token
				where account_id = :account and expires_at > :since order by issued_at desc
				""")
			.param("account", user.accountId())
			.param("since", Timestamp.from(this.clock.instant().minus(Duration.ofDays(1))))
			.query((row, n) -> new TokenEntry(row.getObject("id", UUID.class),
					row.getTimestamp("issued_at").toInstant(), row.getTimestamp("expires_at").toInstant(),
					(row.getTimestamp("revoked_at") != null) ? row.getTimestamp("revoked_at").toInstant() : null))
			.list();
	}

	/**
	 * Revokes one of the holder's tokens ({@code by} the holder or an administrator);
	 * false when the holder has no such active token.
	 */
	public boolean revoke(OneVisitUser holder, UUID token, String by) {
		Instant now = this.clock.instant();
		boolean revoked = this.jdbc.sql("""
				update identity_api_token set revoked_at = :now, revoked_by = :by
				where id = :id and account_id = :account and revoked_at is null
				""")
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("id", token)
			.param("account", holder.accountId())
			.update() == 1;
		if (revoked) {
			this.events.publishEvent(new ApiTokenRevoked(holder.getUsername(), token, by, now));
		}
		return revoked;
	}

	/** Revokes every active token of the account; answers how many. */
	public int revokeAll(OneVisitUser holder, String by) {
		Instant now = this.clock.instant();
		List<UUID> revoked = this.jdbc.sql("""
				update identity_api_token set revoked_at = :now, revoked_by = :by
				where account_id = :account and revoked_at is null and expires_at > :now returning id
				""")
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("account", holder.accountId())
			.query(UUID.class)
			.list();
		revoked.forEach((id) -> this.events.publishEvent(new ApiTokenRevoked(holder.getUsername(), id, by, now)));
		return revoked.size();
	}

	/**
	 * In a read-only transaction of its own, although it only reads: every API request
	 * starts here, so this is where a pooled connection to a primary that a switchover
	 * just stopped is met first, and a transaction is what TransactionRetry runs again on
	 * a new connection (the switchover's 503s were these reads,
	 * PatroniFailoverFaultTest).
	 */
	@Override
	@Transactional(readOnly = true)
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		UUID account = this.jdbc.sql("""
				select account_id from identity_api_token
				where token_hash = :hash and expires_at > :now and revoked_at is null
				""")
			.param("hash", sm3(token))
			.param("now", Timestamp.from(this.clock.instant()))
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new BadOpaqueTokenException("unknown, expired or revoked token"));
		return this.accounts.findById(account)
			.filter(OneVisitUser::isEnabled)
			.orElseThrow(() -> new BadOpaqueTokenException("account no longer active"));
	}

	static byte[] sm3(String token) {
		return Sm3.hash(token.getBytes(StandardCharsets.US_ASCII));
	}

}
