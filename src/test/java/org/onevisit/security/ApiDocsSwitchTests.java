package org.onevisit.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI and the OpenAPI document are off unless enabled ({@code
 * onevisit.api-docs.enabled}, on in demo mode): switched off, they are as absent as any
 * unknown path and no page links to them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "onevisit.api-docs.enabled=false")
class ApiDocsSwitchTests {

	@Autowired
	OneVisitServer server;

	@Test
	void theApiDocumentAndSwaggerUiAreAbsentUnlessEnabled() {
		OneVisitHttp anyone = this.server.http();

		for (String path : java.util.List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html",
				"/swagger-ui/index.html")) {
			HttpResponse<String> absent = anyone.get(path);
			assertThat(absent.statusCode()).as(path).isEqualTo(404);
			assertThat(absent.body()).as(path).doesNotContain("openapi").doesNotContain("swagger-ui-bundle");
		}
		assertThat(anyone.get("/").body()).doesNotContain("swagger-ui");
	}

}
