package org.onevisit.api;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the running server publishes passes a standard linter
 * (swagger-parser's validation, which runs on a JDK alone): an error there is a document
 * a partner's generator would reject.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiLintTests {

	@Autowired
	OneVisitServer server;

	@Test
	void publishesADocumentTheLinterFindsNoErrorIn() throws IOException {
		HttpResponse<String> document = this.server.http().get("/v3/api-docs");
		Files.writeString(Path.of("target", "openapi.json"), document.body());
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		options.setValidateInternalRefs(true);

		SwaggerParseResult linted = new OpenAPIV3Parser().readContents(document.body(), null, options);

		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(linted.getOpenAPI()).isNotNull();
		assertThat(linted.getMessages()).as("the linter's findings").isEmpty();
	}

}
