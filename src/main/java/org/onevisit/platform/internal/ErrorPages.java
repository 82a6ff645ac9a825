package org.onevisit.platform.internal;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's last word on a failed request (no handler, an exception outside MVC): a
 * problem for API paths, a localized page otherwise; never a stack trace or the
 * framework's default page.
 */
@Controller
class ErrorPages implements ErrorController {

	/** The request attribute in which a refusal names its reason (a problem code). */
	static final String REFUSAL = "onevisit.refusal";

	private final Problems problems;

	ErrorPages(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
	Object page(HttpServletRequest request) {
		if (isApi(request)) {
			return problem(request);
		}
		HttpStatus status = statusOf(request);
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		String code = codeOf(status, request);
		page.addObject("code", code);
		page.addObject("message", this.problems.text("problem." + code, request));
		page.addObject("requestId", request.getAttribute(RequestIdFilter.MDC_KEY));
		return page;
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = statusOf(request);
		ProblemDetail problem = this.problems.of(status, codeOf(status, request), request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(URI.create(uri.toString()));
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, Problems.BEARER_CHALLENGE);
		}
		return response.body(problem);
	}

	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri != null && uri.toString().startsWith(request.getContextPath() + "/api/");
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/** The reason a refusal named, else the status's own. */
	private static String codeOf(HttpStatus status, HttpServletRequest request) {
		return (status == HttpStatus.FORBIDDEN && request.getAttribute(REFUSAL) instanceof String refusal) ? refusal
				: codeOf(status);
	}

	private static String codeOf(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "not_found";
			case FORBIDDEN -> "forbidden";
			case UNAUTHORIZED -> "unauthenticated";
			case METHOD_NOT_ALLOWED -> "method_not_allowed";
			case BAD_REQUEST -> "bad_request";
			case PAYLOAD_TOO_LARGE -> "payload_too_large";
			default -> status.is4xxClientError() ? "bad_request" : "internal_error";
		};
	}

}
