package org.onevisit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core, the accessibility checker, taken from the npm registry at a pinned version
 * and checked against the registry's published SHA-512 before use, then injected into the
 * page under test. The tarball is kept under {@code target/npm} between runs.
 */
public final class AxeCore {

	static final String VERSION = "4.14.1";

	static final String TARBALL = "https://registry.npmjs.org/axe-core/-/axe-core-" + VERSION + ".tgz";

	static final String INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==";

	private static String script;

	private AxeCore() {
	}

	/** A violation axe found: its rule, impact, and the elements it names. */
	public record Violation(String id, String impact, String help, List<String> targets) {

		public boolean seriousOrCritical() {
			return "serious".equals(this.impact) || "critical".equals(this.impact);
		}

		@Override
		public String toString() {
			return this.impact + " " + this.id + " (" + this.help + ") at " + this.targets;
		}

	}

	/**
	 * Runs axe on the page the browser shows (WCAG 2.1 A and AA rules and best practice).
	 */
	public static List<Violation> check(JavascriptExecutor browser) {
		browser.executeScript(script());
		Object result = browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, {resultTypes: ['violations']})
				  .then((r) => done(JSON.stringify(r.violations)))
				  .catch((e) => done('ERROR ' + e));
				""");
		String json = String.valueOf(result);
		if (json.startsWith("ERROR")) {
			throw new IllegalStateException("axe failed: " + json);
		}
		JsonNode violations = JsonMapper.builder().build().readTree(json);
		return violations.valueStream()
			.map((violation) -> new Violation(violation.path("id").asString(), violation.path("impact").asString(),
					violation.path("help").asString(),
					violation.path("nodes").valueStream().map((node) -> node.path("target").toString()).toList()))
			.toList();
	}

	static synchronized String script() {
		if (script == null) {
			script = extract(tarball(), "package/axe.min.js");
		}
		return script;
	}

	private static byte[] tarball() {
		Path cached = Path.of("target", "npm", "axe-core-" + VERSION + ".tgz");
		try {
			if (Files.exists(cached) && matchesIntegrity(Files.readAllBytes(cached))) {
				return Files.readAllBytes(cached);
			}
			HttpResponse<byte[]> response = HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(20))
				.followRedirects(HttpClient.Redirect.NORMAL)
				.build()
				.send(HttpRequest.newBuilder(URI.create(TARBALL)).timeout(Duration.ofSeconds(60)).build(),
						HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("npm registry answered " + response.statusCode() + " for " + TARBALL);
			}
			if (!matchesIntegrity(response.body())) {
				throw new IllegalStateException("axe-core tarball does not match its published integrity " + INTEGRITY);
			}
			Files.createDirectories(cached.getParent());
			Files.write(cached, response.body());
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot fetch axe-core from the npm registry: " + TARBALL, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean matchesIntegrity(byte[] content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-512").digest(content);
			return INTEGRITY.equals("sha512-" + Base64.getEncoder().encodeToString(digest));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One file out of a gzipped tar (ustar headers of 512 bytes, then the content). */
	private static String extract(byte[] tgz, String name) {
		try (InputStream tar = new GZIPInputStream(new java.io.ByteArrayInputStream(tgz))) {
			byte[] header = new byte[512];
			while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
				String entry = new String(header, 0, 100, StandardCharsets.UTF_8).replace("\0", "");
				String prefix = new String(header, 345, 155, StandardCharsets.UTF_8).replace("\0", "");
				String path = prefix.isEmpty() ? entry : prefix + "/" + entry;
				long size = Long
					.parseLong(new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim(), 8);
				ByteArrayOutputStream content = new ByteArrayOutputStream();
				content.write(tar.readNBytes((int) size));
				tar.skipNBytes((512 - size % 512) % 512);
				if (path.equals(name)) {
					return content.toString(StandardCharsets.UTF_8);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new IllegalStateException(name + " is not in the axe-core tarball");
	}

}
