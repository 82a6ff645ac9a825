package org.onevisit;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What the API answers a refusal with, as the tests check it. */
public final class Problems {

	private Problems() {
	}

	/**
	 * Asserts that the answer is an RFC 9457 problem ({@code application/problem+json})
	 * with this status and code; answers the problem, for what a test checks beyond them.
	 */
	public static JsonNode assertProblem(HttpResponse<String> answer, int status, String code) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = OneVisitHttp.json(answer);
		assertThat(problem.path("code").asString()).isEqualTo(code);
		return problem;
	}

}
