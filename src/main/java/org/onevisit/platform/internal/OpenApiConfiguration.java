package org.onevisit.platform.internal;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.onevisit.platform.ApiScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document partners (banks, agents, department systems) build against. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI oneVisitOpenApi() {
		return new OpenAPI().info(new Info().title("OneVisit API")
			.version("v1")
			.description("Government services with at most one visit. Obtain a bearer token with "
					+ "POST /api/v1/auth/token; every error is an RFC 9457 problem with a stable 'code'."));
	}

	@Bean
	OpenApiContract openApiContract(List<ApiScheme> schemes) {
		return new OpenApiContract(schemes, ProblemCodes.found());
	}

}
