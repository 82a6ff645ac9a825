package org.onevisit.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
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

}
