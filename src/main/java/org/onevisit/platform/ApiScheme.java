package org.onevisit.platform;

import java.util.List;

/**
 * A further way of presenting a bearer token to the API, contributed by the module that
 * checks it (the partners' JWTs): where it is accepted, and where it is the only way in.
 * The module's security filter chain and the OpenAPI document both read these routes.
 *
 * @param name the scheme's name in the document
 * @param bearerFormat the token's format, such as {@code JWT}
 * @param description how to obtain such a token
 * @param accepted the routes that accept it
 * @param exclusive the routes that accept nothing else
 */
public record ApiScheme(String name, String bearerFormat, String description, List<ApiRoute> accepted,
		List<ApiRoute> exclusive) {

	public ApiScheme {
		accepted = List.copyOf(accepted);
		exclusive = List.copyOf(exclusive);
	}

	public boolean accepts(String method, String documentedPath) {
		return this.accepted.stream().anyMatch((route) -> route.covers(method, documentedPath));
	}

	public boolean alone(String method, String documentedPath) {
		return this.exclusive.stream().anyMatch((route) -> route.covers(method, documentedPath));
	}

}
