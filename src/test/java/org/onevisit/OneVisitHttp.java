package org.onevisit;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test visitor of a running OneVisit: a browser-like client with its own cookie jar,
 * plus helpers for the JSON API. Redirects are not followed, so tests can see them. A
 * test on a random port takes a new one with {@code @Autowired OneVisitHttp}, or as many
 * as it needs from {@link OneVisitServer}.
 */
public final class OneVisitHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	public OneVisitHttp(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * A visitor signed in on the pages as a demo account (password onevisit-demo), second
	 * factor included.
	 */
	public static OneVisitHttp signedIn(int port, String username) {
		OneVisitHttp visitor = new OneVisitHttp(port);
		visitor.logIn(username, "onevisit-demo");
		return visitor;
	}

	/** The port of the OneVisit this visitor visits, for another visitor of it. */
	public int port() {
		return URI.create(this.base).getPort();
	}

	public HttpResponse<String> get(String path, String... headers) {
		return send(request(path, headers).GET().build());
	}

	public HttpResponse<String> postJson(String path, String json, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public HttpResponse<String> putJson(String path, String json, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
		return send(request(path, headers).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Posts a multipart form as a browser does: text fields, then files (part name to
	 * file name and bytes).
	 */
	public HttpResponse<String> postMultipart(String path, java.util.Map<String, String> fields,
			java.util.Map<String, java.util.Map.Entry<String, byte[]>> files) {
		String boundary = "----onevisit" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(utf8)));
		files.forEach((name, file) -> {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
					+ file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(utf8));
			body.writeBytes(file.getValue());
			body.writeBytes("\r\n".getBytes(utf8));
		});
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	public HttpResponse<String> postForm(String path, String form, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	/**
	 * Posts the form's inputs (name to value, in order) URL-encoded, as a browser posts
	 * them.
	 */
	public HttpResponse<String> postForm(String path, java.util.Map<String, String> inputs) {
		return postForm(path,
				inputs.entrySet()
					.stream()
					.map((input) -> URLEncoder.encode(input.getKey(), StandardCharsets.UTF_8) + "="
							+ URLEncoder.encode(input.getValue(), StandardCharsets.UTF_8))
					.collect(Collectors.joining("&")));
	}

	/**
	 * Logs in through the login page as a person would, CSRF token included; answers the
	 * login response.
	 */
	// the clock of the server's second factor: a test may run the server on one of its
	// own
	private java.time.Clock serverClock = java.time.Clock.systemUTC();

	/**
	 * This client, for a server running on a clock the test set: the one-time codes of
	 * staff logins are that clock's.
	 */
	public OneVisitHttp onServerClock(java.time.Clock clock) {
		this.serverClock = clock;
		return this;
	}

	public HttpResponse<String> logIn(String username, String password) {
		String token = csrfTokenOf(get("/login").body());
		HttpResponse<String> login = postForm("/login",
				"username=" + username + "&password=" + password + "&_csrf=" + token);
		if (!login.headers().firstValue("Location").orElse("").endsWith("/login/second-factor")) {
			return login;
		}
		// a demo staff account: the second step, with the code the demo secret gives now
		String second = csrfTokenOf(get("/login/second-factor").body());
		return postForm("/login/second-factor", "code=" + DemoTotp.at(this.serverClock.instant()) + "&_csrf=" + second);
	}

	/** The Authorization header of a demo account (password onevisit-demo) on the API. */
	public String bearer(String username) {
		return "Bearer " + bearerToken(username, "onevisit-demo");
	}

	public String bearerToken(String username, String password) {
		// the one-time code counts for staff accounts only
		HttpResponse<String> response = postJson("/api/v1/auth/token", "{\"username\":\"" + username
				+ "\",\"password\":\"" + password + "\",\"otp\":\"" + DemoTotp.at(this.serverClock.instant()) + "\"}");
		if (response.statusCode() != 200) {
			throw new IllegalStateException("no token for " + username + ": " + response.body());
		}
		return json(response).path("access_token").asString();
	}

	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/**
	 * What a browser would post from the page's application form ({@code form.stack}):
	 * its own data, selected options included.
	 */
	public static java.util.Map<String, String> formInputs(org.jsoup.nodes.Document page) {
		org.jsoup.nodes.FormElement form = (org.jsoup.nodes.FormElement) page.selectFirst("form.stack");
		java.util.Map<String, String> inputs = new java.util.LinkedHashMap<>();
		form.formData().forEach((pair) -> inputs.put(pair.key(), pair.value()));
		return inputs;
	}

	/**
	 * The form's inputs as posted from the page that checks the answers, the declaration
	 * (承诺) made: an online filing, straight away.
	 */
	public static java.util.Map<String, String> declared(java.util.Map<String, String> inputs) {
		inputs.put("action", "file");
		inputs.put("declaration", "true");
		return inputs;
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	public static String csrfTokenOf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return matcher.group(1);
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
