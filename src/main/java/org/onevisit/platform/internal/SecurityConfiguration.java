package org.onevisit.platform.internal;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.onevisit.platform.ApiRoute;
import org.onevisit.platform.LoginGuard;
import org.onevisit.platform.PublicApi;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who may reach what. Deny by default: every path is named here as public or as needing a
 * role, and anything unnamed is refused; actions add their own {@code @PreAuthorize}
 * where they happen. The API is stateless with bearer tokens and answers in problem+json;
 * pages use a session, CSRF protection and strict security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	// Scripts and styles come from our own origin only (WebJars included); no inline
	// script runs.
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	// Swagger UI styles its widgets inline; the relaxation is confined to its own pages.
	static final String SWAGGER_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
			+ "frame-ancestors 'none'";

	// identity's OneVisitUser.IDENTITY_VERIFIED (platform cannot name identity's types)
	static final String IDENTITY_VERIFIED = "IDENTITY_VERIFIED";

	// identity's SecondFactorPending.AUTHORITY: a staff password without its second
	// factor
	static final String SECOND_FACTOR_PENDING = "SECOND_FACTOR_PENDING";

	// every role; a login still waiting for its second factor holds none of them
	static final String[] ROLES = { "APPLICANT", "CLERK", "REVIEWER", "SUPERVISOR", "ADMIN" };

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default; the {id} prefix lets the algorithm change without a
		// password reset.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords,
			LoginGuard attempts, ApplicationEventPublisher events, ObjectProvider<GrantedAuthoritiesMapper> factors) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwords);
		// identity's: a staff member's password alone grants only the second-factor page
		factors.ifAvailable(provider::setAuthoritiesMapper);
		ProviderManager passwordsChecked = new ProviderManager(provider);
		// logins that held or failed reach the security log (audit)
		AuthenticationEventPublisher outcomes = authenticationEvents(events);
		passwordsChecked.setAuthenticationEventPublisher(outcomes);
		// every login, page or API, passes the throttle before its password is checked
		return (authentication) -> {
			String username = authentication.getName();
			String address = clientAddress(authentication);
			try {
				attempts.checkAllowed(username, address);
			}
			catch (LoginGuard.Refused refused) {
				outcomes.publishAuthenticationFailure(refused, authentication);
				throw refused;
			}
			try {
				Authentication authenticated = passwordsChecked.authenticate(authentication);
				attempts.succeeded(username, address);
				return authenticated;
			}
			catch (AuthenticationException ex) {
				attempts.failed(username, address);
				throw ex;
			}
		};
	}

	/**
	 * Spring Security's success and failure events for every login, page or API, for the
	 * security log; a login held back by the throttle is published as a locked-out
	 * failure.
	 */
	private static AuthenticationEventPublisher authenticationEvents(ApplicationEventPublisher events) {
		DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
		publisher
			.setAdditionalExceptionMappings(Map.of(LoginGuard.Refused.class, AuthenticationFailureLockedEvent.class));
		return publisher;
	}

	/**
	 * Why a request is refused, as a problem code: an applicant whose identity is not yet
	 * verified is refused what only verified identities may do, and is told so.
	 */
	static String refusalOf(Authentication authentication) {
		boolean unverifiedApplicant = authentication != null
				&& authentication.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.anyMatch("ROLE_APPLICANT"::equals)
				&& authentication.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.noneMatch(IDENTITY_VERIFIED::equals);
		return unverifiedApplicant ? "identity_unverified" : "forbidden";
	}

	/**
	 * An account registered in a name whose mobile number is not confirmed (identity's
	 * limited account) reads, and files or confirms nothing: these posts need the
	 * authority every other account has.
	 */
	private static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry onlyVerifiedIdentitiesFileOrConfirm(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			String... filingPaths) {
		return requests.requestMatchers(HttpMethod.POST, filingPaths).hasAuthority(IDENTITY_VERIFIED);
	}

	/**
	 * The operations anyone may call, named once in {@link PublicApi} for this and for
	 * the OpenAPI document.
	 */
	private static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry publicApi(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		for (ApiRoute route : PublicApi.ROUTES) {
			if (route.method() == null) {
				requests.requestMatchers(route.pattern()).permitAll();
			}
			else {
				requests.requestMatchers(route.method(), route.pattern()).permitAll();
			}
		}
		return requests;
	}

	/**
	 * After the password, a staff member goes on to the second factor; everyone else to
	 * the page that asked for the login, or home.
	 */
	private static AuthenticationSuccessHandler secondFactorFirst() {
		SavedRequestAwareAuthenticationSuccessHandler done = new SavedRequestAwareAuthenticationSuccessHandler();
		done.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			if (authentication.getAuthorities()
				.stream()
				.anyMatch((authority) -> SECOND_FACTOR_PENDING.equals(authority.getAuthority()))) {
				response.sendRedirect(request.getContextPath() + "/login/second-factor");
				return;
			}
			done.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/**
	 * Where the login came from: the form login's details, or else the current request.
	 */
	private static String clientAddress(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
			return details.getRemoteAddress();
		}
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
				? request.getRequest().getRemoteAddr() : "unknown";
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, OpaqueTokenIntrospector tokens, Problems problems) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**")
			// no cookies are accepted here, only bearer tokens, so there is nothing to
			// forge
			.csrf((csrf) -> csrf.disable())

			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((requests) -> publicApi(
					onlyVerifiedIdentitiesFileOrConfirm(requests, "/api/v1/applications", "/api/v1/confirmations/**"))
				.requestMatchers("/api/v1/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasAnyRole("ADMIN", "SUPERVISOR")
				// the partners' desk takes a partner's JWT only (partners' own chain): an
				// account's token is refused there, not handed to a handler that expects
				// a
				// JWT
				.requestMatchers("/api/v1/partner/**")
				.denyAll()
				.requestMatchers("/api/v1/**")
				.authenticated()
				.anyRequest()
				.denyAll())
			.oauth2ResourceServer((resource) -> resource.opaqueToken((opaque) -> opaque.introspector(tokens))
				.authenticationEntryPoint((request, response, ex) -> {
					// RFC 6750: a token that was sent but does not hold
					response.setHeader("WWW-Authenticate", Problems.BEARER_CHALLENGE + ", error=\"invalid_token\"");
					problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
				})
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						refusalOf(SecurityContextHolder.getContext().getAuthentication()))))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", Problems.BEARER_CHALLENGE);
				problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
			})
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						refusalOf(SecurityContextHolder.getContext().getAuthentication()))))
			.headers(
					(headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
		// the throttled manager, not one Spring Security would build from the user
		// details
		http.authenticationManager(authenticationManager);
		RequestMatcher swagger = (request) -> request.getRequestURI()
			.startsWith(request.getContextPath() + "/swagger-ui");
		http.authorizeHttpRequests(
				(requests) -> onlyVerifiedIdentitiesFileOrConfirm(requests, "/apply/**", "/my/confirmations/**")
					.requestMatchers("/", "/login", "/register", "/register/**", "/recover", "/recover/**", "/error",
							"/favicon.ico", "/favicon.svg", "/css/**", "/js/**", "/images/**", "/webjars/**")
					.permitAll()
					.requestMatchers("/swagger-ui.html", "/swagger-ui/**")
					.permitAll()
					.requestMatchers(HttpMethod.GET, "/guides", "/guides/**", "/catalogue/indicators")
					.permitAll()
					.requestMatchers("/verify", "/verify/**")
					.permitAll()
					// the public transparency log: its page, and static tiles anyone may
					// mirror
					.requestMatchers(HttpMethod.GET, "/log", "/log/checkpoint", "/log/tile/**")
					.permitAll()
					// the queues at each hall, for anyone deciding when to go
					.requestMatchers(HttpMethod.GET, "/halls", "/halls/**")
					.permitAll()
					.requestMatchers("/login/second-factor", "/login/second-factor/**")
					.hasAuthority(SECOND_FACTOR_PENDING)
					// the simulated payment provider's own pages
					.requestMatchers("/pay/**", "/approvals/**")
					.hasAnyRole(ROLES)
					.requestMatchers("/licences/**")
					.hasAnyRole("APPLICANT", "REVIEWER")
					.requestMatchers("/my/**", "/apply/**")
					.hasRole("APPLICANT")
					.requestMatchers("/hall/**")
					.hasRole("CLERK")
					.requestMatchers("/review/**")
					.hasRole("REVIEWER")
					.requestMatchers("/supervision/**")
					.hasRole("SUPERVISOR")
					.requestMatchers("/admin/**")
					.hasRole("ADMIN")
					.requestMatchers("/account/**")
					.hasAnyRole(ROLES)
					.anyRequest()
					.denyAll())
			// the error page says why: a limited account is told how to lift the limit
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler((request, response, ex) -> {
				request.setAttribute(ErrorPages.REFUSAL,
						refusalOf(SecurityContextHolder.getContext().getAuthentication()));
				response.sendError(HttpStatus.FORBIDDEN.value());
			}))
			.formLogin(
					(login) -> login.loginPage("/login")
						.successHandler(secondFactorFirst())
						.failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
								+ ((failure instanceof LoginGuard.Refused) ? "/login?throttled" : "/login?error")))
						.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut").deleteCookies("JSESSIONID"))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.contentTypeOptions((nosniff) -> {
			})
				.frameOptions((frames) -> frames.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swagger,
						new StaticHeadersWriter("Content-Security-Policy", SWAGGER_CONTENT_SECURITY_POLICY)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter((request) -> !swagger.matches(request),
						new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
				.addHeaderWriter(
						new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=()")));
		return http.build();
	}

}
