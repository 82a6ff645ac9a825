package org.onevisit.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.onevisit.identity.OneVisitUser;
import org.onevisit.shared.Sm3;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Opaque bearer tokens for API clients. Only the SM3 hash of a token is stored, so a copy
 * of the database hands out no usable token; tokens live in the database, so every node
 * of a cluster accepts them.
 */
@Component
public class ApiTokens implements OpaqueTokenIntrospector {

	static final Duration LIFETIME = Duration.ofHours(1);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	public record IssuedToken(String value, Duration lifetime) {
	}

	public IssuedToken issue(OneVisitUser user) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into identity_api_token (token_hash, account_id, issued_at, expires_at)
				values (:hash, :account, :issuedAt, :expiresAt)
				""")
			.param("hash", sm3(token))
			.param("account", user.accountId())
			.param("issuedAt", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(now.plus(LIFETIME)))
			.update();
		return new IssuedToken(token, LIFETIME);
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		UUID account = this.jdbc.sql("""
				select account_id from identity_api_token where token_hash = :hash and expires_at > :now
				""")
			.param("hash", sm3(token))
			.param("now", Timestamp.from(this.clock.instant()))
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new BadOpaqueTokenException("unknown or expired token"));
		return this.accounts.findById(account)
			.filter(OneVisitUser::isEnabled)
			.orElseThrow(() -> new BadOpaqueTokenException("account no longer active"));
	}

	static byte[] sm3(String token) {
		return Sm3.hash(token.getBytes(StandardCharsets.US_ASCII));
	}

}
