package org.onevisit.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request larger than the container accepts is refused before any controller sees it:
 * answered here with the same page (or problem) as any refusal, never a bare 500. Files
 * up to that limit reach the upload store, which refuses anything over 20 MB itself.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitHandler {

	private final Problems problems;

	UploadLimitHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, HttpServletResponse response) {
		return errorPage(HttpStatus.CONTENT_TOO_LARGE, "upload_too_large", "problem.request_too_large", request);
	}

	/**
	 * A form that should carry a file but is not multipart, or lacks the file: the
	 * sender's mistake, told as such (a 500 before issue 25).
	 */
	@ExceptionHandler({ MultipartException.class, MissingServletRequestPartException.class })
	Object notMultipart(Exception ex, HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.badRequest()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(this.problems.of(HttpStatus.BAD_REQUEST, "upload_missing", request));
		}
		return errorPage(HttpStatus.BAD_REQUEST, "upload_missing", "problem.upload_missing", request);
	}

	/**
	 * The error page with the status, its code and the sentence of the request's locale.
	 */
	private ModelAndView errorPage(HttpStatus status, String code, String sentence, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("code", code);
		page.addObject("message", this.problems.text(sentence, request));
		return page;
	}

}
