package org.onevisit.api;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document tells the truth about the running server: every documented
 * operation is called, anonymously and with an account of the role it is for, and each
 * answer's status and content type are documented for it and its body validates against
 * the documented schema. The operations partners start from are also called on their
 * happy path. An operation added later is called the same way; one that documents no
 * refusal fails here, naming what it must declare.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiContractTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	@Autowired
	OneVisitServer server;

	/** A new visitor for each test. */
	@Autowired
	OneVisitHttp visitor;

	JsonNode document;

	final HttpClient client = HttpClient.newHttpClient();

	@BeforeEach
	void readTheDocument() {
		this.document = OneVisitHttp.json(this.visitor.get("/v3/api-docs"));
	}

	@Test
	void everyOperationSaysWhoMayCallItAndDocumentsItsRefusalsAsProblems() {
		List<String> undeclared = new ArrayList<>();

		operations().forEach((operation, declared) -> {
			if (!declared.has("security")) {
				undeclared.add(operation + ": no security (public operations belong in platform.PublicApi)");
			}
			boolean refusal = false;
			for (Map.Entry<String, JsonNode> response : declared.path("responses").properties()) {
				if (response.getKey().startsWith("4")) {
					refusal |= response.getValue().path("content").has("application/problem+json");
				}
				for (Map.Entry<String, JsonNode> type : response.getValue().path("content").properties()) {
					if (type.getKey().contains("*")) {
						undeclared.add(operation + " " + response.getKey() + ": content type " + type.getKey());
					}
				}
			}
			if (!refusal) {
				undeclared.add(operation + ": no 4xx refusal documented as application/problem+json");
			}
		});

		assertThat(undeclared).as("operations whose document is incomplete").isEmpty();
		assertThat(this.document.has("security")).as("a global security requirement").isFalse();
		assertThat(this.document.path("components").path("schemas").path("Problem").path("properties").has("code"))
			.isTrue();
	}

	@Test
	void anOperationAnyoneMayCallIsCalledWithoutAnAccountAndEveryOtherRefusesWithout() {
		List<String> contradictions = new ArrayList<>();

		operations().forEach((operation, declared) -> {
			HttpResponse<String> answer = call(operation, declared, null);
			boolean open = declared.path("security").isArray() && declared.path("security").isEmpty();
			if (open == (answer.statusCode() == 401)) {
				contradictions.add(operation + " documented " + (open ? "public" : "secured") + " answered "
						+ answer.statusCode());
			}
			contradictions.addAll(against(operation, declared, answer));
		});

		assertThat(contradictions).as("answers the document contradicts").isEmpty();
	}

	@Test
	void everyOperationCalledWithAnAccountOfItsRoleAnswersAsDocumented() {
		Map<String, String> tokens = new LinkedHashMap<>();
		List<String> contradictions = new ArrayList<>();
		Map<String, Integer> statuses = new LinkedHashMap<>();

		operations().forEach((operation, declared) -> {
			String user = roleFor(operation);
			String token = tokens.computeIfAbsent(user, (name) -> this.visitor.bearerToken(name, "onevisit-demo"));
			HttpResponse<String> answer = call(operation, declared, token);
			statuses.put(operation, answer.statusCode());
			contradictions.addAll(against(operation, declared, answer));
		});

		assertThat(contradictions).as("answers the document contradicts").isEmpty();
		assertThat(statuses).as("operations that answered 500").doesNotContainValue(500);
	}

	@Test
	void thePublicOperationsPartnersStartFromAnswerOnTheirHappyPathAsDocumented() {
		String item = OneVisitHttp.json(this.visitor.get("/api/v1/items")).get(0).path("code").asString();
		String bundle = OneVisitHttp.json(this.visitor.get("/api/v1/bundles")).get(0).path("code").asString();
		Map<String, String> happy = new LinkedHashMap<>();
		happy.put("GET /api/v1/items", "/api/v1/items?q=" + URLEncoder.encode("婚姻", StandardCharsets.UTF_8));
		happy.put("GET /api/v1/items/{code}", "/api/v1/items/" + item);
		happy.put("GET /api/v1/bundles", "/api/v1/bundles");
		happy.put("GET /api/v1/bundles/{code}", "/api/v1/bundles/" + bundle);
		happy.put("GET /api/v1/calendar/due-date", "/api/v1/calendar/due-date?from=2025-09-26&workingDays=7");
		happy.put("GET /api/v1/catalogue/indicators", "/api/v1/catalogue/indicators");
		happy.put("GET /api/v1/halls", "/api/v1/halls");
		happy.put("GET /api/v1/keys", "/api/v1/keys");
		happy.put("GET /api/v1/licences/keys", "/api/v1/licences/keys");
		happy.put("GET /api/v1/open-data/applications.json", "/api/v1/open-data/applications.json");
		happy.put("GET /api/v1/open-data/applications.csv", "/api/v1/open-data/applications.csv");
		List<String> contradictions = new ArrayList<>();
		Map<String, JsonNode> operations = operations();

		happy.forEach((operation, path) -> {
			HttpResponse<String> answer = this.visitor.get(path);
			assertThat(answer.statusCode()).as(operation).isEqualTo(200);
			contradictions.addAll(against(operation, operations.get(operation), answer));
		});

		assertThat(contradictions).isEmpty();
	}

	@Test
	void theTokenEndpointAnswersATokenOrARefusalAsDocumented() {
		String operation = "POST /api/v1/auth/token";
		JsonNode declared = operations().get(operation);

		HttpResponse<String> token = this.visitor.postJson("/api/v1/auth/token",
				"{\"username\":\"applicant1\",\"password\":\"onevisit-demo\"}");
		HttpResponse<String> refused = this.visitor.postJson("/api/v1/auth/token",
				"{\"username\":\"applicant1\",\"password\":\"wrong\"}");
		HttpResponse<String> unreadable = this.visitor.postJson("/api/v1/auth/token", "{");

		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(unreadable.statusCode()).isEqualTo(400);
		assertThat(against(operation, declared, token)).isEmpty();
		assertThat(against(operation, declared, refused)).isEmpty();
		assertThat(against(operation, declared, unreadable)).isEmpty();
	}

	@Test
	void theSignedInApplicantsReadsAnswerOnTheirHappyPathAsDocumented() {
		String token = this.visitor.bearerToken("applicant1", "onevisit-demo");
		Map<String, JsonNode> operations = operations();
		List<String> contradictions = new ArrayList<>();

		for (String path : List.of("/api/v1/me", "/api/v1/me/tokens", "/api/v1/applications", "/api/v1/licences",
				"/api/v1/my/confirmations", "/api/v1/my/data-accesses", "/api/v1/my/notification-preferences")) {
			HttpResponse<String> answer = this.visitor.get(path, "Authorization", "Bearer " + token);
			assertThat(answer.statusCode()).as(path).isEqualTo(200);
			contradictions.addAll(against("GET " + path, operations.get("GET " + path), answer));
		}

		assertThat(contradictions).isEmpty();
	}

	/** "METHOD /path" to the operation's declaration. */
	private Map<String, JsonNode> operations() {
		Map<String, JsonNode> operations = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> path : this.document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
			}
		}
		return operations;
	}

	/** The demo account whose role the operation is for. */
	private static String roleFor(String operation) {
		if (operation.contains("/admin/") || operation.contains("/security-log")) {
			return "admin1";
		}
		if (operation.contains("/dashboard") || operation.contains("/supervision")) {
			return "supervisor1";
		}
		if (operation.contains("/tasks/") || operation.contains("/licences/{id}/revocation")) {
			return "reviewer-civil";
		}
		if (operation.contains("/identity-checks")) {
			return "clerk1";
		}
		return "applicant1";
	}

	/**
	 * Calls an operation with what its document asks for: each required parameter with a
	 * value of its type, path variables that name nothing, an empty JSON object as body.
	 */
	private HttpResponse<String> call(String operation, JsonNode declared, String token) {
		String method = operation.substring(0, operation.indexOf(' '));
		String path = operation.substring(operation.indexOf(' ') + 1);
		List<String> query = new ArrayList<>();
		HttpRequest.Builder request = HttpRequest.newBuilder();
		for (JsonNode parameter : declared.path("parameters")) {
			String value = sample(parameter.path("schema"));
			String name = parameter.path("name").asString();
			switch (parameter.path("in").asString()) {
				case "path" -> path = path.replace("{" + name + "}", value);
				case "query" -> {
					if (parameter.path("required").asBoolean(false)) {
						query.add(name + "=" + value);
					}
				}
				case "header" -> {
					if (parameter.path("required").asBoolean(false)) {
						request.header(name, "contract-" + System.nanoTime());
					}
				}
				default -> {
				}
			}
		}
		String uri = this.server.base() + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
		request.uri(URI.create(uri));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		JsonNode body = declared.path("requestBody").path("content");
		String type = body.propertyNames().stream().findFirst().orElse(null);
		if (type == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			String content = type.contains("json") ? "{}" : "";
			request.header("Content-Type", type.startsWith("multipart") ? "multipart/form-data; boundary=x" : type)
				.method(method, HttpRequest.BodyPublishers.ofString(content));
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(operation, ex);
		}
	}

	private static String sample(JsonNode schema) {
		String format = schema.path("format").asString("");
		String type = schema.path("type").isArray() ? schema.path("type").get(0).asString()
				: schema.path("type").asString("string");
		if ("uuid".equals(format)) {
			return "00000000-0000-4000-8000-000000000000";
		}
		if ("date".equals(format)) {
			return "2025-09-26";
		}
		return "integer".equals(type) || "number".equals(type) ? "1" : "nothing-here";
	}

	/** What in the answer the document does not allow, as sentences. */
	private List<String> against(String operation, JsonNode declared, HttpResponse<String> answer) {
		String status = String.valueOf(answer.statusCode());
		JsonNode response = declared.path("responses").path(status);
		if (response.isMissingNode()) {
			return List.of(operation + " answered " + status + " (undocumented; documented "
					+ declared.path("responses").propertyNames() + "): " + shorten(answer.body()));
		}
		String type = answer.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
		if (answer.body().isEmpty() && !response.has("content")) {
			return List.of();
		}
		JsonNode media = response.path("content").path(type);
		if (media.isMissingNode()) {
			return List.of(operation + " " + status + " answered " + type + " (documented "
					+ response.path("content").propertyNames() + ")");
		}
		if (!type.contains("json") || media.path("schema").isMissingNode()) {
			return List.of();
		}
		ObjectNode schema = JSON.createObjectNode();
		schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		schema.putArray("allOf").add(media.path("schema"));
		schema.set("components", this.document.path("components"));
		List<Error> errors = SCHEMAS.getSchema(schema).validate(JSON.readTree(answer.body()));
		return errors.stream()
			.map((error) -> operation + " " + status + ": " + error.toString())
			.collect(Collectors.toCollection(ArrayList::new));
	}

	private static String shorten(String body) {
		return (body.length() > 300) ? body.substring(0, 300) : body;
	}

}
