package org.onevisit.platform;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * A method and path pattern of the API, named once for both the security configuration
 * that enforces it and the OpenAPI document that tells partners about it, so that the two
 * cannot disagree.
 *
 * @param method the method, or {@code null} for every method
 * @param pattern an Ant-style path pattern such as {@code /api/v1/items/**}
 */
public record ApiRoute(@Nullable HttpMethod method, String pattern) {

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	public static ApiRoute get(String pattern) {
		return new ApiRoute(HttpMethod.GET, pattern);
	}

	public static ApiRoute post(String pattern) {
		return new ApiRoute(HttpMethod.POST, pattern);
	}

	public static ApiRoute any(String pattern) {
		return new ApiRoute(null, pattern);
	}

	/**
	 * Whether an operation of the document falls under this route; its path's templates
	 * ({@code {id}}) stand for one segment each.
	 */
	public boolean covers(String method, String documentedPath) {
		return (this.method == null || this.method.name().equalsIgnoreCase(method))
				&& PATHS.match(this.pattern, documentedPath.replaceAll("\\{[^}/]+}", "x"));
	}

}
