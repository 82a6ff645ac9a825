package org.onevisit.platform.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string Tomcat cannot parse (a parameter without a name, a broken %-escape) is
 * the sender's mistake: 400, not the 500 it becomes when the parameters are first read
 * deep in a controller or filter. Found by fuzzing ({@code ParameterFuzzTests}). Only the
 * query string is read here: a form body is left to the upload limits further on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class MalformedQuery extends OncePerRequestFilter {

	private final Problems problems;

	MalformedQuery(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getQueryString() != null && request.getContentType() == null) {
			try {
				request.getParameterMap();
			}
			catch (InvalidParameterException ex) {
				this.problems.answer(request, response, HttpStatus.BAD_REQUEST, "bad_request");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
