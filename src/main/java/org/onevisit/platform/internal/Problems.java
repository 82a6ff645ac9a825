package org.onevisit.platform.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSourceResolvable;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.onevisit.platform.ProblemResponses;
import org.onevisit.shared.OneVisitException;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Builds RFC 9457 problems with a stable {@code code} property and texts from the message
 * bundles, in the caller's language. Every error the API reports passes through here.
 */
@Component
class Problems implements ProblemResponses {

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	/** A MessageFormat argument left in a sentence rendered without its arguments. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+[^}]*}");

	Problems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	/**
	 * The challenge every 401 of the API carries (RFC 6750): the API knows bearer tokens
	 * only.
	 */
	static final String BEARER_CHALLENGE = "Bearer realm=\"onevisit\"";

	static HttpStatus statusOf(OneVisitException.Kind kind) {
		return switch (kind) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
			case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
			case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
		};
	}

	ProblemDetail of(OneVisitException ex, HttpServletRequest request) {
		Locale locale = this.locales.resolveLocale(request);
		ProblemDetail problem = of(statusOf(ex.kind()), ex.code(), request);
		problem.setDetail(this.messages.getMessage(ex.messageKey(), ex.arguments(), problem.getTitle(), locale));
		ex.details().forEach((name, value) -> problem.setProperty(name, localized(value, locale)));
		return problem;
	}

	/**
	 * A member of the problem in the reader's language: a sentence within it (a
	 * condition's words, say) is rendered, however deep in lists and entries.
	 */
	private Object localized(Object value, Locale locale) {
		if (value instanceof MessageSourceResolvable sentence) {
			return this.messages.getMessage(sentence, locale);
		}
		if (value instanceof List<?> list) {
			return list.stream().map((each) -> localized(each, locale)).toList();
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			map.forEach((key, each) -> copy.put(key, localized(each, locale)));
			return copy;
		}
		return value;
	}

	ProblemDetail of(HttpStatusCode status, String code, HttpServletRequest request, Object... arguments) {
		Locale locale = this.locales.resolveLocale(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("urn:onevisit:problem:" + code));
		String sentence = this.messages.getMessage("problem." + code, arguments, code, locale);
		// the title names the kind of problem, the same for every occurrence: a sentence
		// that needs the occurrence's specifics goes to the detail only (RFC 9457 §3.1)
		String title = PLACEHOLDER.matcher(sentence).find() || arguments.length > 0
				? this.messages.getMessage("problem.status." + status.value(), null, sentence, locale) : sentence;
		problem.setTitle(title);
		problem.setDetail(sentence);
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("code", code);
		// Read from the request, not the log context: on an error dispatch the filter has
		// already left.
		Object requestId = request.getAttribute(RequestIdFilter.MDC_KEY);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return problem;
	}

	String text(String key, HttpServletRequest request, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, this.locales.resolveLocale(request));
	}

	/**
	 * For filters that answer before MVC: problem+json for the API, otherwise a bare page
	 * with the problem's text. No template: rendering one may need the session, which is
	 * kept in the database.
	 */
	void answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
			throws IOException {
		if (request.getRequestURI().startsWith("/api/")) {
			write(request, response, status, code);
			return;
		}
		LocaleContextHolder.setLocale(this.locales.resolveLocale(request));
		String text = text("problem." + code, request);
		response.setStatus(status.value());
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"" + LocaleContextHolder.getLocale().toLanguageTag()
					+ "\"><head><meta charset=\"utf-8\"><title>" + status.value() + "</title></head>"
					+ "<body><main><h1>" + HtmlUtils.htmlEscape(text) + "</h1></main></body></html>");
	}

	/** For code that runs outside MVC, such as the security filters. */
	@Override
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
			throws IOException {
		LocaleContextHolder.setLocale(this.locales.resolveLocale(request));
		ProblemDetail problem = of(status, code, request);
		if (status == HttpStatus.UNAUTHORIZED && !response.containsHeader("WWW-Authenticate")) {
			response.setHeader("WWW-Authenticate", BEARER_CHALLENGE);
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
