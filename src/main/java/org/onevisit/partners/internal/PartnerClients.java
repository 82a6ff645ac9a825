package org.onevisit.partners.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.onevisit.audit.SecurityEvent.ConfigurationChanged;
import org.onevisit.audit.SecurityLog;
import org.onevisit.shared.CreditCode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registered clients of the authorization server, in PostgreSQL, and their
 * administration: register, suspend, reinstate, rotate the secret. A suspended client is
 * unknown to the authorization server (no token) and its tokens are refused. Secrets are
 * shown once, when made, and stored hashed; every change is on the security log.
 */
@Component
class PartnerClients implements RegisteredClientRepository {

	/** The scope that lets a partner file items of one group (a department's items). */
	static final String FILE_SCOPE = "file:";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcRegisteredClientRepository clients;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final SecurityLog securityLog;

	private final Clock clock;

	PartnerClients(JdbcClient jdbc, JdbcTemplate template, PasswordEncoder passwords, SecurityLog securityLog,
			Clock clock) {
		this.clients = new JdbcRegisteredClientRepository(template);
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.securityLog = securityLog;
		this.clock = clock;
	}

	/** A new client and its secret, which is shown this once. */
	record Registered(Partner partner, String secret) {
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		this.clients.save(registeredClient);
	}

	@Override
	public RegisteredClient findById(String id) {
		return active(this.clients.findById(id));
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return active(this.clients.findByClientId(clientId));
	}

	private RegisteredClient active(RegisteredClient client) {
		return (client != null && !suspended(client.getClientId())) ? client : null;
	}

	/** Whether the client is registered and not suspended. */
	boolean active(String clientId) {
		return this.jdbc.sql("select count(*) from partners_partner where client_id = :id and not suspended")
			.param("id", clientId)
			.query(Integer.class)
			.single() == 1;
	}

	private boolean suspended(String clientId) {
		return !active(clientId);
	}

	/**
	 * Registers a partner filing in the given item groups (department codes), or a
	 * department system signing its staff in at the redirect URI.
	 */
	@Transactional
	Registered register(String name, PartnerKind kind, Collection<String> itemGroups, String redirectUri,
			String admin) {
		return register(name, kind, itemGroups, redirectUri, null, admin);
	}

	/**
	 * Registers a partner as
	 * {@link #register(String, PartnerKind, Collection, String, String)} does, with the
	 * organisation's unified social credit code (may be null).
	 */
	@Transactional
	Registered register(String name, PartnerKind kind, Collection<String> itemGroups, String redirectUri,
			CreditCode creditCode, String admin) {
		String clientId = kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		return register(clientId, newSecret(), name, kind, itemGroups, redirectUri, creditCode, admin);
	}

	/**
	 * Registers a client under a given id and secret (the demo's bank, at first start).
	 */
	@Transactional
	Registered register(String clientId, String secret, String name, PartnerKind kind, Collection<String> itemGroups,
			String redirectUri, CreditCode creditCode, String admin) {
		if (name == null || name.isBlank()) {
			throw PartnerRefused.nameMissing();
		}
		RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientIdIssuedAt(this.clock.instant())
			.clientSecret(this.passwords.encode(secret))
			.clientName(name.strip())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
		if (kind.signsStaffIn()) {
			client.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
				.redirectUri(redirect(redirectUri))
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.PROFILE)
				// a department system is the province's own: its staff are not asked
				// to consent, and the code is bound to the system's PKCE verifier
				.clientSettings(
						ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
				.tokenSettings(TokenSettings.builder()
					.idTokenSignatureAlgorithm(SignatureAlgorithm.ES256)
					.accessTokenTimeToLive(Duration.ofMinutes(10))
					.refreshTokenTimeToLive(Duration.ofHours(8))
					.reuseRefreshTokens(false)
					.build());
		}
		else {
			Set<String> groups = itemGroups.stream()
				.filter((group) -> group != null && !group.isBlank())
				.map(String::strip)
				.collect(Collectors.toCollection(TreeSet::new));
			if (groups.isEmpty()) {
				throw PartnerRefused.groupsMissing();
			}
			client.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes((scopes) -> groups.forEach((group) -> scopes.add(FILE_SCOPE + group)))
				.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
				.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(10)).build());
		}
		this.clients.save(client.build());
		Instant now = this.clock.instant();
		this.jdbc
			.sql("insert into partners_partner (client_id, name, kind, registered_at, registered_by, credit_code) "
					+ "values (:id, :name, :kind, :at, :by, :code)")
			.param("id", clientId)
			// a partner without a credit code binds a typed null (ADR 18)
			.param("code", (creditCode != null) ? creditCode.value() : null, Types.VARCHAR)
			.param("name", name.strip())
			.param("kind", kind.name())
			.param("at", Timestamp.from(now))
			.param("by", admin)
			.update();
		this.securityLog.record(new ConfigurationChanged(admin, "partner " + clientId, "registered " + kind));
		return new Registered(find(clientId), secret);
	}

	private static String redirect(String uri) {
		try {
			URI parsed = URI.create((uri == null) ? "" : uri.strip());
			boolean local = "localhost".equals(parsed.getHost()) || "127.0.0.1".equals(parsed.getHost());
			if (parsed.getHost() == null || parsed.getFragment() != null
					|| !("https".equals(parsed.getScheme()) || (local && "http".equals(parsed.getScheme())))) {
				throw PartnerRefused.redirectMissing();
			}
			return parsed.toString();
		}
		catch (IllegalArgumentException ex) {
			throw PartnerRefused.redirectMissing();
		}
	}

	/** Suspends the client: no more tokens, and those it holds are refused. */
	@Transactional
	void suspend(String clientId, String admin) {
		changeState(clientId, true, admin, "suspended");
	}

	@Transactional
	void reinstate(String clientId, String admin) {
		changeState(clientId, false, admin, "reinstated");
	}

	private void changeState(String clientId, boolean suspended, String admin, String change) {
		int changed = this.jdbc.sql("update partners_partner set suspended = :suspended where client_id = :id")
			.param("suspended", suspended)
			.param("id", clientId)
			.update();
		if (changed == 0) {
			throw PartnerRefused.unknown(clientId);
		}
		this.securityLog.record(new ConfigurationChanged(admin, "partner " + clientId, change));
	}

	/** A new secret for the client; the old one stops working at once. */
	@Transactional
	String rotateSecret(String clientId, String admin) {
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (client == null) {
			throw PartnerRefused.unknown(clientId);
		}
		String secret = newSecret();
		this.clients.save(RegisteredClient.from(client).clientSecret(this.passwords.encode(secret)).build());
		this.jdbc.sql("update partners_partner set secret_rotated_at = :at where client_id = :id")
			.param("at", Timestamp.from(this.clock.instant()))
			.param("id", clientId)
			.update();
		this.securityLog.record(new ConfigurationChanged(admin, "partner " + clientId, "secret rotated"));
		return secret;
	}

	List<Partner> all() {
		return this.jdbc.sql("select client_id from partners_partner order by registered_at, client_id")
			.query(String.class)
			.list()
			.stream()
			.map(this::find)
			.toList();
	}

	Partner find(String clientId) {
		RegisteredClient client = this.clients.findByClientId(clientId);
		return this.jdbc
			.sql("select client_id, name, kind, suspended, registered_at, registered_by, secret_rotated_at "
					+ "from partners_partner where client_id = :id")
			.param("id", clientId)
			.query((row, n) -> new Partner(row.getString("client_id"), row.getString("name"),
					PartnerKind.valueOf(row.getString("kind")), row.getBoolean("suspended"),
					row.getTimestamp("registered_at").toInstant(), row.getString("registered_by"),
					(row.getTimestamp("secret_rotated_at") != null) ? row.getTimestamp("secret_rotated_at").toInstant()
							: null,
					(client != null) ? Set.copyOf(client.getScopes()) : Set.of(),
					(client != null) ? Set.copyOf(client.getRedirectUris()) : Set.of()))
			.optional()
			.orElseThrow(() -> PartnerRefused.unknown(clientId));
	}

	/** The organisation's unified social credit code, where its registration gave one. */
	Optional<CreditCode> creditCodeOf(String clientId) {
		return this.jdbc.sql("select credit_code from partners_partner where client_id = :id")
			.param("id", clientId)
			.query((row, n) -> Optional.ofNullable(row.getString(1)))
			.optional()
			.flatMap((code) -> code)
			.map(CreditCode::of);
	}

	/** Whether a client of this id is registered (suspended or not). */
	boolean registered(String clientId) {
		return this.jdbc.sql("select count(*) from partners_partner where client_id = :id")
			.param("id", clientId)
			.query(Integer.class)
			.single() == 1;
	}

	private static String newSecret() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

}
