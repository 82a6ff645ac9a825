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
		ModelAndView page = new ModelAndView("error");
		page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
		page.addObject("status", HttpStatus.CONTENT_TOO_LARGE.value());
		page.addObject("code", "upload_too_large");
		page.addObject("message", this.problems.text("problem.request_too_large", request));
		return page;
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
		ModelAndView page = new ModelAndView("error");
		page.setStatus(HttpStatus.BAD_REQUEST);
		page.addObject("status", HttpStatus.BAD_REQUEST.value());
		page.addObject("code", "upload_missing");
		page.addObject("message", this.problems.text("problem.upload_missing", request));
		return page;
	}

}
