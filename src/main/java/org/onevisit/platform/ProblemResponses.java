package org.onevisit.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem written by code that answers before MVC (a module's own security
 * filter chain), in the same form and words as every other problem of the API.
 */
public interface ProblemResponses {

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
			throws IOException;

}
