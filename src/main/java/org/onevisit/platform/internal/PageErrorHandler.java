package org.onevisit.platform.internal;

import java.io.IOException;

import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.onevisit.shared.OneVisitException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A typed error raised while rendering a page becomes the error page in the visitor's
 * language, with the HTTP status of its kind. Anything unexpected goes on to the
 * container's error handling ({@link ErrorPages}), which never shows a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandler {

	private final Problems problems;

	private final JsonMapper json;

	PageErrorHandler(Problems problems, JsonMapper json) {
		this.problems = problems;
		this.json = json;
	}

	@ExceptionHandler(OneVisitException.class)
	ModelAndView onOneVisitException(OneVisitException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			// an API operation of a page controller (@ResponseBody) answers as the API
			// does, not with a page
			ProblemDetail problem = this.problems.of(ex, request);
			response.setStatus(problem.getStatus());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			this.json.writeValue(response.getOutputStream(), problem);
			return null;
		}
		int status = Problems.statusOf(ex.kind()).value();
		response.setStatus(status);
		ModelAndView page = new ModelAndView("error");
		page.addObject("status", status);
		page.addObject("code", ex.code());
		page.addObject("message", this.problems.text(ex.messageKey(), request, ex.arguments()));
		page.setStatus(HttpStatusCode.valueOf(status));
		return page;
	}

}
