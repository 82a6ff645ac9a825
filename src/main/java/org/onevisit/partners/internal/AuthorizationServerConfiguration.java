package org.onevisit.partners.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.onevisit.platform.ApiRoute;
import org.onevisit.platform.ApiScheme;
import org.onevisit.platform.ProblemResponses;

import org.onevisit.platform.PublicUrl;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * OneVisit as an OAuth 2.1 / OpenID Connect provider (Spring Authorization Server), in
 * two filter chains of its own ahead of the platform's: the authorization server's
 * endpoints (token, authorize, JWKS, discovery, user info), and the API as partners call
 * it with their JWTs. Requests with OneVisit's own opaque tokens, and every page, never
 * match either and go on to the platform's chains unchanged (ADR 2 stands).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	/** The authority every partner token grants, beside its {@code SCOPE_file:} ones. */
	static final String PARTNER = "PARTNER";

	/** The claim naming the partner's kind; only partners' tokens carry it. */
	static final String PARTNER_KIND = "partner_kind";

	/**
	 * Set on a partner's filing for MVC to route it to the partners' handler (a header
	 * condition); never taken from the caller, who cannot send it.
	 */
	static final String PARTNER_HEADER = "OneVisit-Partner-Client";

	// staff roles that may sign in to a department system; applicants never do
	private static final String[] STAFF = { "CLERK", "REVIEWER", "SUPERVISOR", "ADMIN" };

	/**
	 * The issuer is OneVisit's public address, never the Host header of each request:
	 * whoever sends a request chooses that header, and tokens, discovery and ID tokens
	 * would name whatever issuer the caller liked.
	 */
	@Bean
	AuthorizationServerSettings authorizationServerSettings(PublicUrl publicUrl) {
		return AuthorizationServerSettings.builder().issuer(publicUrl.base()).build();
	}

	@Bean
	@Order(-20)
	SecurityFilterChain authorizationServer(HttpSecurity http, PartnerClients clients,
			StaffAuthorizations authorizations, JWKSource<SecurityContext> keys) throws Exception {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.registeredClientRepository(clients)
				.authorizationService(authorizations)
				// what the discovery document says of ID tokens: ES256 (ADR 0013)
				.oidc((oidc) -> oidc.providerConfigurationEndpoint((configuration) -> configuration
					.providerConfigurationCustomizer((provider) -> provider.idTokenSigningAlgorithms((algorithms) -> {
						algorithms.clear();
						algorithms.add(SignatureAlgorithm.ES256.getName());
					}))));
		})
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			// a department system sends its staff here; they sign in on OneVisit's own
			// login page (with their second factor) and come back
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"),
					PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize")))
			.addFilterAfter(new StaffOnly(), SecurityContextHolderFilter.class);
		return http.build();
	}

	/**
	 * The authorization endpoint issues a code to any signed-in session: only staff who
	 * have passed their second factor may sign in to a department system.
	 */
	static final class StaffOnly extends OncePerRequestFilter {

		private static final RequestMatcher AUTHORIZE = PathPatternRequestMatcher.withDefaults()
			.matcher("/oauth2/authorize");

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
			if (AUTHORIZE.matches(request) && signedIn != null && signedIn.isAuthenticated()
					&& !(signedIn instanceof AnonymousAuthenticationToken)) {
				Set<String> held = signedIn.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.collect(Collectors.toSet());
				boolean staff = Arrays.stream(STAFF).anyMatch((role) -> held.contains("ROLE_" + role));
				if (!staff) {
					response.sendError(HttpStatus.FORBIDDEN.value());
					return;
				}
			}
			chain.doFilter(request, response);
		}

	}

	/** What the tokens say beyond the standard claims. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(PartnerClients clients) {
		return (context) -> {
			// every token is signed with our P-256 key (the library's default is RS256)
			context.getJwsHeader().algorithm(SignatureAlgorithm.ES256);
			if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
					&& OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				Partner partner = clients.find(context.getRegisteredClient().getClientId());
				context.getClaims().claim(PARTNER_KIND, partner.kind().name());
			}
			if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
				Authentication person = context.getPrincipal();
				List<String> roles = new ArrayList<>();
				String department = null;
				for (GrantedAuthority authority : person.getAuthorities()) {
					String name = authority.getAuthority();
					if (name.startsWith("ROLE_")) {
						roles.add(name.substring("ROLE_".length()));
					}
					else if (name.startsWith(StaffAuthorizations.DEPARTMENT)) {
						department = name.substring(StaffAuthorizations.DEPARTMENT.length());
					}
				}
				context.getClaims().claim("roles", roles);
				if (department != null) {
					context.getClaims().claim("department", department);
				}
			}
		};
	}

	/**
	 * Partners' tokens: signed by our key (ES256), current, issued to a partner by client
	 * credentials, and the partner not suspended since.
	 */
	@Bean
	JwtDecoder partnerTokens(JWKSource<SecurityContext> keys, PartnerClients clients) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.ES256).build();
		OAuth2TokenValidator<Jwt> partner = (jwt) -> {
			if (jwt.getClaimAsString(PARTNER_KIND) == null || !clients.active(jwt.getSubject())) {
				return OAuth2TokenValidatorResult
					.failure(new OAuth2Error("invalid_token", "not a token of an active partner", null));
			}
			return OAuth2TokenValidatorResult.success();
		};
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), partner));
		return decoder;
	}

	/** A request to the API bearing a JWT (OneVisit's own tokens have no dots). */
	static boolean bearsJwt(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		String token = authorization.substring(7).strip();
		return token.chars().filter((c) -> c == '.').count() == 2;
	}

	/**
	 * Where a partner's JWT is accepted (filing under a mandate) and where nothing else
	 * is (the partner's own desk): this chain enforces it and the OpenAPI document tells
	 * it.
	 */
	static final ApiScheme PARTNER_TOKENS = new ApiScheme("partnerJwt", "JWT",
			"A partner's access token (client_credentials at /oauth2/token), signed by OneVisit",
			List.of(ApiRoute.post("/api/v1/applications"), ApiRoute.any("/api/v1/partner/**"),
					ApiRoute.any("/api/v1/batches"), ApiRoute.any("/api/v1/batches/**")),
			List.of(ApiRoute.any("/api/v1/partner/**"), ApiRoute.any("/api/v1/batches"),
					ApiRoute.any("/api/v1/batches/**")));

	@Bean
	ApiScheme partnerTokenScheme() {
		return PARTNER_TOKENS;
	}

	@Bean
	@Order(-10)
	SecurityFilterChain partnerApi(HttpSecurity http, JwtDecoder partnerTokens, ProblemResponses problems)
			throws Exception {
		JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
		http.securityMatcher((request) -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				&& bearsJwt(request))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			// deny by default: a partner reaches only what is made for partners
			.authorizeHttpRequests((requests) -> {
				for (ApiRoute route : PARTNER_TOKENS.accepted()) {
					(route.method() == null ? requests.requestMatchers(route.pattern())
							: requests.requestMatchers(route.method(), route.pattern()))
						.hasAuthority(PARTNER);
				}
				requests.anyRequest().denyAll();
			})
			.oauth2ResourceServer((resource) -> resource
				.jwt((jwt) -> jwt.decoder(partnerTokens).jwtAuthenticationConverter((token) -> {
					List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(token));
					authorities.add(new SimpleGrantedAuthority(PARTNER));
					AbstractAuthenticationToken authentication = new JwtAuthenticationToken(token, authorities,
							token.getSubject());
					return authentication;
				}))
				.authenticationEntryPoint((request, response, ex) -> {
					response.setHeader("WWW-Authenticate", "Bearer realm=\"onevisit\", error=\"invalid_token\"");
					problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
				})
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"forbidden")))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "unauthenticated"))
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"forbidden")))
			.addFilterAfter(new PartnerRouting(), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * Marks a partner's request with its client id in a header only this filter sets, so
	 * that MVC sends {@code POST /api/v1/applications} to the partners' handler (which
	 * checks the mandate) rather than the applicants'.
	 */
	static final class PartnerRouting extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication partner = SecurityContextHolder.getContext().getAuthentication();
			String clientId = (partner instanceof JwtAuthenticationToken jwt) ? jwt.getToken().getSubject() : null;
			chain.doFilter(new HttpServletRequestWrapper(request) {

				@Override
				public String getHeader(String name) {
					return PARTNER_HEADER.equalsIgnoreCase(name) ? clientId : super.getHeader(name);
				}

				@Override
				public Enumeration<String> getHeaders(String name) {
					if (PARTNER_HEADER.equalsIgnoreCase(name)) {
						return Collections.enumeration((clientId != null) ? List.of(clientId) : List.of());
					}
					return super.getHeaders(name);
				}

				@Override
				public Enumeration<String> getHeaderNames() {
					List<String> names = Collections.list(super.getHeaderNames());
					names.removeIf(PARTNER_HEADER::equalsIgnoreCase);
					if (clientId != null) {
						names.add(PARTNER_HEADER);
					}
					return Collections.enumeration(names);
				}

			}, response);
		}

	}

}
