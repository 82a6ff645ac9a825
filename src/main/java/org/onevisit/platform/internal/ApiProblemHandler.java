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
	static final List<Mapped> CODES = List.of(new Mapped(NoResourceFoundException.class, 404, "not_found"),
			new Mapped(HttpRequestMethodNotSupportedException.class, 405, "method_not_allowed"),
			new Mapped(HttpMediaTypeNotSupportedException.class, 415, "media_type_unsupported"),
			new Mapped(HttpMediaTypeNotAcceptableException.class, 406, "not_acceptable"),
			new Mapped(MissingServletRequestParameterException.class, 400, "parameter_missing"),
			new Mapped(MissingRequestHeaderException.class, 400, "header_missing"),
			new Mapped(MethodArgumentTypeMismatchException.class, 400, "parameter_invalid"),
			new Mapped(HttpMessageNotReadableException.class, 400, "body_unreadable"),
			new Mapped(MethodArgumentNotValidException.class, 400, "validation_failed"),
			new Mapped(HandlerMethodValidationException.class, 400, "validation_failed"),
			new Mapped(ServletRequestBindingException.class, 400, "bad_request"));

	/**
	 * The codes this handler and the security filters give besides the typed exceptions',
	 * by status, for the OpenAPI document.
	 */
	static final List<Mapped> OTHER_CODES = List.of(
			new Mapped(HttpMessageNotReadableException.class, 400, "control_characters"),
			new Mapped(ConstraintViolationException.class, 400, "validation_failed"),
			new Mapped(Exception.class, 400, "bad_request"), new Mapped(AccessDeniedException.class, 403, "forbidden"),
			new Mapped(AccessDeniedException.class, 403, "identity_unverified"),
			new Mapped(Exception.class, 401, "unauthenticated"), new Mapped(Exception.class, 500, "internal_error"),
			new Mapped(Exception.class, 503, "database_unavailable"));

	/** An exception of Spring MVC's, the status Spring gives it and its problem code. */
	record Mapped(Class<? extends Exception> type, int status, String code) {
	}

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
			.filter((code) -> code.type().isInstance(ex))
			.map(Mapped::code)
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
