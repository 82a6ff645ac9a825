package org.onevisit.platform.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.onevisit.platform.ApiScheme;
import org.onevisit.platform.PublicApi;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpStatus;

/**
 * Makes the generated OpenAPI document say what the server does, for every operation at
 * once (those added later included), from facts held in one place: who may call it
 * ({@link PublicApi} and the {@link ApiScheme}s the security configuration enforces),
 * what it answers (problem+json with the codes {@link ProblemCodes} finds, the success
 * status where a handler picks it at run time), which members may be null, and that links
 * are relative. {@code OpenApiContractTests} checks the result against the running
 * server.
 */
class OpenApiContract implements OpenApiCustomizer {

	static final String PROBLEM = "Problem";

	static final String BEARER = "bearer";

	static final String PROBLEM_JSON = "application/problem+json";

	static final String JSON = "application/json";

	/**
	 * The success status of operations whose handler returns a {@code ResponseEntity}
	 * built at run time, where the generator cannot see it.
	 */
	static final Map<String, Integer> SUCCESS = Map.ofEntries(Map.entry("POST /api/v1/applications", 201),
			Map.entry("POST /api/v1/identity-checks", 201), Map.entry("POST /api/v1/partner/webhooks", 201),
			Map.entry("POST /api/v1/partner/webhooks/deliveries/{id}/replay", 202),
			Map.entry("POST /api/v1/batches", 202), Map.entry("POST /api/v1/me/tokens/{id}/revocation", 204),
			Map.entry("POST /api/v1/me/password", 204),
			Map.entry("POST /api/v1/accounts/{username}/identity-verification", 204),
			Map.entry("POST /api/v1/admin/accounts/{username}/second-factor/reset", 204));

	/** Bodies that are not JSON, where the handler sets the type at run time. */
	static final Map<String, String> MEDIA_TYPES = Map.of("GET /api/v1/open-data/applications.csv", "text/csv",
			"GET /api/v1/open-data/indicators.csv", "text/csv", "GET /api/v1/batches/{id}/results", "text/csv",
			"GET /api/v1/batches/{id}/errors", "text/csv");

	/**
	 * Headers the server sets for itself on the way in (partners' routing), which a
	 * caller must not send.
	 */
	static final Set<String> SERVER_HEADERS = Set.of("OneVisit-Partner-Client");

	/**
	 * Refusals an operation gives besides those every operation of its kind gives: a
	 * filing's 409 and 422 and the login throttle's 429, say. Operations that change
	 * something may give 409, 413 and 422; these add to the rest.
	 */
	static final Map<String, Set<Integer>> FURTHER_REFUSALS = Map.of("POST /api/v1/auth/token", Set.of(429),
			"GET /api/v1/log/proofs/inclusion", Set.of(404), "GET /api/v1/log/proofs/consistency", Set.of(404));

	private final List<ApiScheme> schemes;

	private final ProblemCodes codes;

	OpenApiContract(List<ApiScheme> schemes, ProblemCodes codes) {
		this.schemes = List.copyOf(schemes);
		this.codes = codes;
	}

	@Override
	public void customise(OpenAPI document) {
		document.setSecurity(null);
		Components components = (document.getComponents() != null) ? document.getComponents() : new Components();
		document.setComponents(components);
		components.addSecuritySchemes(BEARER,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("An opaque token from POST /api/v1/auth/token"));
		for (ApiScheme scheme : this.schemes) {
			components.addSecuritySchemes(scheme.name(),
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat(scheme.bearerFormat())
						.description(scheme.description()));
		}
		if (components.getSchemas() != null) {
			components.getSchemas().values().forEach(OpenApiContract::membersMayBeNull);
			components.getSchemas().values().forEach(OpenApiContract::relativeLinks);
		}
		components.addSchemas(PROBLEM, problemSchema());
		if (document.getPaths() == null) {
			return;
		}
		document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			String name = method.name() + " " + path;
			secure(method.name(), path, operation);
			parameters(operation, components);
			responses(name, method, path, operation);
		}));
	}

	private void secure(String method, String path, Operation operation) {
		if (PublicApi.covers(method, path)) {
			operation.setSecurity(List.of());
			return;
		}
		List<SecurityRequirement> accepted = new ArrayList<>();
		if (this.schemes.stream().noneMatch((scheme) -> scheme.alone(method, path))) {
			accepted.add(new SecurityRequirement().addList(BEARER));
		}
		this.schemes.stream()
			.filter((scheme) -> scheme.accepts(method, path))
			.forEach((scheme) -> accepted.add(new SecurityRequirement().addList(scheme.name())));
		operation.setSecurity(accepted);
	}

	/**
	 * A query parameter bound to an object (a filter) is its members, each optional; a
	 * header the server sets itself is no parameter.
	 */
	private static void parameters(Operation operation, Components components) {
		if (operation.getParameters() == null) {
			return;
		}
		List<Parameter> parameters = new ArrayList<>();
		for (Parameter parameter : operation.getParameters()) {
			if ("header".equals(parameter.getIn()) && SERVER_HEADERS.contains(parameter.getName())) {
				continue;
			}
			Schema<?> bound = boundObject(parameter, components);
			if (bound == null) {
				parameters.add(parameter);
				continue;
			}
			bound.getProperties()
				.forEach((member, schema) -> parameters
					.add(new Parameter().in("query").name(member).required(false).schema(withoutNull(schema))));
		}
		operation.setParameters(parameters.isEmpty() ? null : parameters);
	}

	private static Schema<?> boundObject(Parameter parameter, Components components) {
		if (!"query".equals(parameter.getIn()) || parameter.getSchema() == null
				|| parameter.getSchema().get$ref() == null || components.getSchemas() == null) {
			return null;
		}
		String ref = parameter.getSchema().get$ref();
		Schema<?> target = components.getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
		return (target != null && target.getProperties() != null) ? target : null;
	}

	private void responses(String name, PathItem.HttpMethod method, String path, Operation operation) {
		ApiResponses documented = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		Map<String, ApiResponse> answers = new TreeMap<>();
		Schema<?> success = null;
		for (Map.Entry<String, ApiResponse> entry : documented.entrySet()) {
			ApiResponse response = entry.getValue();
			if (entry.getKey().startsWith("2") && response.getContent() != null) {
				success = response.getContent()
					.values()
					.stream()
					.map(MediaType::getSchema)
					.filter((schema) -> schema != null)
					.findFirst()
					.orElse(null);
			}
			if (!entry.getKey().startsWith("2")) {
				answers.put(entry.getKey(), problem(Integer.parseInt(entry.getKey()), response.getDescription()));
			}
		}
		int status = SUCCESS.getOrDefault(name,
				documented.keySet()
					.stream()
					.filter((code) -> code.startsWith("2"))
					.map(Integer::parseInt)
					.findFirst()
					.orElse(200));
		ApiResponse ok = new ApiResponse().description(HttpStatus.valueOf(status).getReasonPhrase());
		if (status != 204 && success != null) {
			ok.setContent(new Content().addMediaType(MEDIA_TYPES.getOrDefault(name, mediaTypeOf(documented)),
					new MediaType().schema(success)));
		}
		answers.put(String.valueOf(status), ok);
		Set<Integer> refusals = refusals(name, method, path);
		if (operation.getRequestBody() != null) {
			refusals.add(415);
		}
		for (int refusal : refusals) {
			answers.putIfAbsent(String.valueOf(refusal), problem(refusal, null));
		}
		ApiResponses responses = new ApiResponses();
		answers.forEach(responses::addApiResponse);
		operation.setResponses(responses);
	}

	private static String mediaTypeOf(ApiResponses documented) {
		return documented.values()
			.stream()
			.filter((response) -> response.getContent() != null)
			.flatMap((response) -> response.getContent().keySet().stream())
			.filter((type) -> !"*/*".equals(type))
			.findFirst()
			.orElse(JSON);
	}

	/** The refusals an operation can give, by what it is. */
	private Set<Integer> refusals(String name, PathItem.HttpMethod method, String path) {
		Set<Integer> statuses = new LinkedHashSet<>(List.of(400, 500, 503));
		// a public change is still refused a bad credential or signature (a login, a
		// callback)
		if (!PublicApi.covers(method.name(), path) || method != PathItem.HttpMethod.GET) {
			statuses.addAll(List.of(401, 403));
		}
		if (path.contains("{")) {
			statuses.add(404);
		}
		if (method != PathItem.HttpMethod.GET) {
			statuses.addAll(List.of(409, 413, 422));
		}
		statuses.addAll(FURTHER_REFUSALS.getOrDefault(name, Set.of()));
		return statuses;
	}

	private ApiResponse problem(int status, String description) {
		Schema<?> schema = new JsonSchema().$ref("#/components/schemas/" + PROBLEM);
		Set<String> known = new TreeSet<>(this.codes.of(status));
		known.remove("");
		if (!known.isEmpty()) {
			// the codes this status is known to carry, for a client's switch; examples,
			// not
			// a closed enum: a refusal the scan cannot make (ProblemCodes) may add one
			Schema<Object> code = new JsonSchema().types(Set.of("string"));
			code.setExamples(new ArrayList<>(known));
			schema = new JsonSchema().allOf(List.of(schema, new JsonSchema().addProperty("code", code)));
		}
		return new ApiResponse()
			.description((description != null) ? description : HttpStatus.valueOf(status).getReasonPhrase())
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema)));
	}

	/** RFC 9457 with OneVisit's members. */
	static Schema<?> problemSchema() {
		Map<String, Schema> members = new LinkedHashMap<>();
		members.put("type", string("uri-reference", "urn:onevisit:problem:<code>"));
		members.put("title", string(null, "The kind of problem, in the caller's language"));
		members.put("status", new JsonSchema().types(Set.of("integer")).format("int32"));
		members.put("detail", string(null, "This occurrence, in the caller's language"));
		members.put("instance", string("uri-reference", "The path that was called"));
		members.put("code", string(null, "The stable machine code; also the last segment of type"));
		members.put("requestId", string(null, "The X-Request-Id to quote when asking about it"));
		members.put("errors",
				new JsonSchema().types(Set.of("array"))
					.description("Each invalid field, where a body or parameters were invalid")
					.items(new JsonSchema().types(Set.of("object"))
						.addProperty("field", new JsonSchema().types(Set.of("string")))
						.addProperty("message", new JsonSchema().types(Set.of("string")))));
		Schema<?> problem = new JsonSchema().types(Set.of("object"))
			.description("An RFC 9457 problem; a refusal may add members of its own (violations, halls, ...)");
		problem.setProperties(members);
		problem.setRequired(List.of("type", "title", "status", "code"));
		return problem;
	}

	private static Schema<?> string(String format, String description) {
		return new JsonSchema().types(Set.of("string")).format(format).description(description);
	}

	/**
	 * Members the server does not promise to fill (not required) may be null: Jackson
	 * writes a missing value as null rather than leaving the member out.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void membersMayBeNull(Schema<?> schema) {
		if (schema.getProperties() == null) {
			return;
		}
		List<String> required = (schema.getRequired() != null) ? schema.getRequired() : List.of();
		Map<String, Schema> members = new LinkedHashMap<>();
		schema.getProperties().forEach((member, property) -> {
			members.put(member, required.contains(member) ? property : nullable(property));
		});
		schema.setProperties(members);
	}

	@SuppressWarnings("rawtypes")
	static Schema nullable(Schema<?> property) {
		if (property.get$ref() != null) {
			return new JsonSchema().anyOf(List.of(property, new JsonSchema().types(Set.of("null"))));
		}
		Set<String> types = new LinkedHashSet<>();
		if (property.getTypes() != null) {
			types.addAll(property.getTypes());
		}
		else if (property.getType() != null) {
			types.add(property.getType());
		}
		if (types.isEmpty()) {
			return property;
		}
		types.add("null");
		property.setTypes(types);
		if (property.getEnum() != null && !property.getEnum().contains(null)) {
			List<Object> values = new ArrayList<>(property.getEnum());
			values.add(null);
			((Schema) property).setEnum(values);
		}
		return property;
	}

	@SuppressWarnings("rawtypes")
	private static Schema withoutNull(Schema<?> property) {
		if (property.getAnyOf() != null && property.getAnyOf().size() == 2) {
			return property.getAnyOf().get(0);
		}
		if (property.getTypes() != null && property.getTypes().contains("null")) {
			Set<String> types = new LinkedHashSet<>(property.getTypes());
			types.remove("null");
			JsonSchema copy = new JsonSchema();
			copy.setTypes(types);
			copy.setFormat(property.getFormat());
			return copy;
		}
		return property;
	}

	/**
	 * The links OneVisit gives are relative to the server (a verification page, a
	 * licence's path), so they are URI references, not absolute URIs.
	 */
	private static void relativeLinks(Schema<?> schema) {
		if ("uri".equals(schema.getFormat())) {
			schema.setFormat("uri-reference");
		}
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach(OpenApiContract::relativeLinks);
		}
		if (schema.getItems() != null) {
			relativeLinks(schema.getItems());
		}
		if (schema.getAnyOf() != null) {
			schema.getAnyOf().forEach(OpenApiContract::relativeLinks);
		}
	}

}
