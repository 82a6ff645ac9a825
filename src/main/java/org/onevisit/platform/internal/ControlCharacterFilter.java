package org.onevisit.platform.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One check for every parameter, form field and upload file name of every page and API
 * call: a control character is the sender's mistake (400), whichever controller would
 * have met it. JSON bodies are checked as they are read ({@link ControlCharacterJson}).
 * Requests whose parameters cannot be read at all (too large, malformed) are left to the
 * handlers further on, which answer them already.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class ControlCharacterFilter extends OncePerRequestFilter {

	private final Problems problems;

	ControlCharacterFilter(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (holdsControlCharacters(request)) {
			this.problems.answer(request, response, HttpStatus.BAD_REQUEST, "control_characters");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean holdsControlCharacters(HttpServletRequest request) {
		try {
			for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
				if (ControlCharacters.in(parameter.getKey())) {
					return true;
				}
				for (String value : parameter.getValue()) {
					if (ControlCharacters.in(value)) {
						return true;
					}
				}
			}
			String contentType = request.getContentType();
			if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
				for (Part part : request.getParts()) {
					if (ControlCharacters.in(part.getSubmittedFileName())) {
						return true;
					}
				}
			}
			return false;
		}
		catch (RuntimeException | IOException | ServletException ex) {
			// Tomcat refuses a NUL in an upload's file name itself, as an exception that
			// became a 500 further on; anything else unreadable is answered further on
			return NestedExceptionUtils.getMostSpecificCause(ex) instanceof InvalidFileNameException;
		}
	}

}
