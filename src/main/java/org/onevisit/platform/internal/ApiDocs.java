package org.onevisit.platform.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.onevisit.platform.DatabaseMode;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The OpenAPI document and Swagger UI exist only where {@code onevisit.api-docs.enabled}
 * says so (by default in demo mode only): in production they describe the attack surface
 * to anyone and run a third-party page, so they answer 404 like any unknown path. The
 * layout asks {@code @apiDocs.enabled()} before linking to them.
 */
@Component("apiDocs")
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class ApiDocs extends OncePerRequestFilter {

	static final String PROPERTY = "onevisit.api-docs.enabled";

	private final boolean enabled;

	private final Problems problems;

	ApiDocs(Environment environment, DatabaseMode mode, Problems problems) {
		this.enabled = environment.getProperty(PROPERTY, Boolean.class, mode.demo());
		this.problems = problems;
	}

	public boolean enabled() {
		return this.enabled;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (this.enabled) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.problems.answer(request, response, HttpStatus.NOT_FOUND, "not_found");
	}

}
