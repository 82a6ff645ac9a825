package org.onevisit.platform.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.onevisit.shared.OneVisitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception raised in a REST controller into {@code application/problem+json}
 * with a stable {@code code}. Ordered before the page handler, which would otherwise also
 * match REST controllers. Unexpected exceptions are logged with their stack trace and
 * answered with a bare {@code internal_error} carrying the request id.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	/**
	 * Spring MVC's exceptions and their codes, in order: the first type the exception is
	 * wins (a missing header is also a binding exception, so it comes first).
	 */
	private static final List<Map.Entry<Class<? extends Exception>, String>> CODES = List.of(
			Map.entry(NoResourceFoundException.class, "not_found"),
			Map.entry(HttpRequestMethodNotSupportedException.class, "method_not_allowed"),
			Map.entry(HttpMediaTypeNotSupportedException.class, "media_type_unsupported"),
			Map.entry(HttpMediaTypeNotAcceptableException.class, "not_acceptable"),
			Map.entry(MissingServletRequestParameterException.class, "parameter_missing"),
			Map.entry(MissingRequestHeaderException.class, "header_missing"),
			Map.entry(MethodArgumentTypeMismatchException.class, "parameter_invalid"),
			Map.entry(HttpMessageNotReadableException.class, "body_unreadable"),
			Map.entry(MethodArgumentNotValidException.class, "validation_failed"),
			Map.entry(HandlerMethodValidationException.class, "validation_failed"),
			Map.entry(ServletRequestBindingException.class, "bad_request"));

	private final Problems problems;

	ApiProblemHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(OneVisitException.class)
	ResponseEntity<ProblemDetail> onOneVisitException(OneVisitException ex, HttpServletRequest request) {
		ProblemDetail problem = this.problems.of(ex, request);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
		if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, Problems.BEARER_CHALLENGE);
		}
		return response.body(problem);
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	ResponseEntity<ProblemDetail> onAccessDenied(RuntimeException ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(this.problems.of(HttpStatus.FORBIDDEN, "forbidden", request));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> onConstraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
		ProblemDetail problem = this.problems.of(HttpStatus.BAD_REQUEST, "validation_failed", request);
		problem.setProperty("errors",
				ex.getConstraintViolations()
					.stream()
					.map((violation) -> Map.of("field", violation.getPropertyPath().toString(), "message",
							violation.getMessage()))
					.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> onUnexpected(Exception ex, HttpServletRequest request) {
		if (DatabaseOutage.causedBy(ex)) {
			log.warn("Database unreachable on {} {}: answered 503 ({})", request.getMethod(), request.getRequestURI(),
					ex.toString());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
				.body(this.problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable", request));
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return ResponseEntity.internalServerError()
			.body(this.problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", request));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
		ProblemDetail problem = this.problems.of(status, codeOf(ex, status), servletRequest, argumentsOf(ex));
		if (ex instanceof MethodArgumentNotValidException invalid) {
			problem.setProperty("errors", invalid.getFieldErrors()
				.stream()
				.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
				.toList());
		}
		if (ex instanceof HandlerMethodValidationException invalid) {
			problem.setProperty("errors",
					invalid.getParameterValidationResults()
						.stream()
						.map(ApiProblemHandler::describe)
						.flatMap(List::stream)
						.toList());
		}
		if (status.is5xxServerError()) {
			log.error("Server error on {}", request.getDescription(false), ex);
		}
		return new ResponseEntity<>(problem, headers, status);
	}

	private static List<Map<String, String>> describe(ParameterValidationResult result) {
		String field = result.getMethodParameter().getParameterName();
		return result.getResolvableErrors()
			.stream()
			.map((error) -> Map.of("field", String.valueOf(field), "message",
					String.valueOf(error.getDefaultMessage())))
			.toList();
	}

	static String codeOf(Exception ex, HttpStatusCode status) {
		if (ex instanceof HttpMessageNotReadableException
				&& NestedExceptionUtils.getMostSpecificCause(ex) instanceof ControlCharacterJson.Refused) {
			return "control_characters";
		}
		return CODES.stream()
			.filter((code) -> code.getKey().isInstance(ex))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(status.is5xxServerError() ? "internal_error" : "bad_request");
	}

	private static Object[] argumentsOf(Exception ex) {
		if (ex instanceof MissingServletRequestParameterException missing) {
			return new Object[] { missing.getParameterName() };
		}
		if (ex instanceof MissingRequestHeaderException missing) {
			return new Object[] { missing.getHeaderName() };
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return new Object[] { mismatch.getName() };
		}
		return new Object[0];
	}

}
