package org.onevisit.applications.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.Problems;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads through the API: the bearer's own, typed by content, within the limit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadApiTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,
			0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89 };

	@Autowired
	OneVisitServer server;

	@Autowired
	FileUploads uploads;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	/** A new visitor for each test. */
	@Autowired
	OneVisitHttp http;

	@Test
	void storesAnUploadForItsOwnerAndShowsItToNobodyElse() {
		String owner = bearer("applicant1");

		HttpResponse<String> stored = upload(owner, "结清证明.pdf", PDF, "resolution");
		JsonNode upload = OneVisitHttp.json(stored);
		String id = upload.path("id").asString();

		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
		assertThat(stored.headers().firstValue("Location")).hasValue("/api/v1/uploads/" + id);
		assertThat(upload.path("name").asString()).isEqualTo("结清证明.pdf");
		assertThat(upload.path("type").asString()).isEqualTo("application/pdf");
		assertThat(upload.path("size").asLong()).isEqualTo(PDF.length);
		assertThat(upload.path("material").asString()).isEqualTo("resolution");
		HttpResponse<String> mine = this.http.get("/api/v1/uploads/" + id, "Authorization", owner);
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(OneVisitHttp.json(mine).path("name").asString()).isEqualTo("结清证明.pdf");
		HttpResponse<String> another = this.http.get("/api/v1/uploads/" + id, "Authorization", bearer("applicant2"));
		assertThat(another.statusCode()).isEqualTo(404);
		assertThat(OneVisitHttp.json(another).path("code").asString()).isEqualTo("upload_not_found");
		assertThat(this.http.get("/api/v1/uploads/" + UUID.randomUUID(), "Authorization", owner).statusCode())
			.isEqualTo(404);
	}

	@Test
	void typesAnUploadByItsContentNotItsName() {
		String owner = bearer("applicant1");

		HttpResponse<String> pngNamedPdf = upload(owner, "照片.pdf", PNG, null);
		HttpResponse<String> textNamedPdf = upload(owner, "证明.pdf",
				"just some text, not a PDF".getBytes(StandardCharsets.UTF_8), null);

		assertThat(pngNamedPdf.statusCode()).as(pngNamedPdf.body()).isEqualTo(201);
		assertThat(OneVisitHttp.json(pngNamedPdf).path("type").asString()).isEqualTo("image/png");
		Problems.assertProblem(textNamedPdf, 422, "upload_type_not_allowed");
	}

	@Test
	void refusesAFileOverTwentyMegabytesWithAProblem() {
		byte[] large = Arrays.copyOf(PDF, 20 * 1024 * 1024 + 1);

		HttpResponse<String> refused = upload(bearer("applicant1"), "扫描件.pdf", large, null);

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(OneVisitHttp.json(refused).path("code").asString()).isEqualTo("upload_too_large");
		assertThat(OneVisitHttp.json(refused).path("title").asString()).doesNotContain("{");
	}

	@Test
	void refusesAnUploadWithoutAnAccount() {
		HttpResponse<String> anonymous = upload(null, "a.pdf", PDF, null);

		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	@Test
	void deletesAnApiUploadNothingNamesAfterADay() {
		String owner = bearer("applicant1");
		String left = OneVisitHttp.json(upload(owner, "left.pdf", PDF, null)).path("id").asString();
		String fresh = OneVisitHttp.json(upload(owner, "fresh.pdf", PDF, null)).path("id").asString();
		this.jdbc.sql("update applications_upload set stored_at = :at where id = :id")
			.param("at", Timestamp.from(this.clock.instant().minus(Duration.ofDays(2))))
			.param("id", UUID.fromString(left))
			.update();

		this.uploads.deleteUnused(Duration.ofDays(1));

		assertThat(this.http.get("/api/v1/uploads/" + left, "Authorization", owner).statusCode()).isEqualTo(404);
		assertThat(this.http.get("/api/v1/uploads/" + fresh, "Authorization", owner).statusCode()).isEqualTo(200);
	}

	@Test
	void aFilingNamesAnApiUploadOfItsOwnForTheMaterialItWasMadeFor() {
		String business = bearer("business1");
		String resolution = OneVisitHttp.json(upload(business, "股东会决议.pdf", PDF, "resolution")).path("id").asString();
		String forAnother = OneVisitHttp.json(upload(business, "承诺书.pdf", PDF, "commitment")).path("id").asString();
		String someoneElses = OneVisitHttp.json(upload(bearer("applicant1"), "决议.pdf", PDF, null))
			.path("id")
			.asString();
		String change = "{\"itemCode\":\"339900-SAMR-004\",\"applicant\":{\"creditCode\":\"91339900MA2H5T7K0B\"},"
				+ "\"form\":{\"companyCode\":\"91339900MA2H5T7K0B\",\"changeKind\":\"住所\","
				+ "\"newValue\":\"示范市西山区新址路2号\"},\"materials\":{\"resolution\":\"%s\"}}";

		HttpResponse<String> stranger = file(business, change.formatted(someoneElses));
		HttpResponse<String> mismatched = file(business, change.formatted(forAnother));
		HttpResponse<String> filed = file(business, change.formatted(resolution));

		assertThat(stranger.statusCode()).isEqualTo(422);
		assertThat(OneVisitHttp.json(stranger).path("code").asString()).isEqualTo("upload_unknown");
		assertThat(mismatched.statusCode()).isEqualTo(422);
		assertThat(OneVisitHttp.json(mismatched).path("code").asString()).isEqualTo("upload_other_material");
		assertThat(OneVisitHttp.json(mismatched).path("detail").asString()).contains("股东会决议");
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		assertThat(OneVisitHttp.json(filed)
			.path("materials")
			.valueStream()
			.filter((material) -> material.path("code").asString().equals("resolution"))
			.findFirst()
			.orElseThrow()
			.path("reference")
			.asString()).isEqualTo(resolution);
	}

	private HttpResponse<String> file(String bearer, String body) {
		return this.http.postJson("/api/v1/applications", body, "Authorization", bearer, "Idempotency-Key",
				UUID.randomUUID().toString());
	}

	private String bearer(String username) {
		return "Bearer " + this.http.bearerToken(username, "onevisit-demo");
	}

	/** A multipart upload as an API client sends it, with its bearer token. */
	HttpResponse<String> upload(String bearer, String name, byte[] content, String material) {
		return upload(this.server.port(), bearer, name, content, material);
	}

	static HttpResponse<String> upload(int port, String bearer, String name, byte[] content, String material) {
		String boundary = "----upload" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (material != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"material\"\r\n\r\n"
					+ material + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/uploads"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (bearer != null) {
			request.header("Authorization", bearer);
		}
		try {
			return HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
