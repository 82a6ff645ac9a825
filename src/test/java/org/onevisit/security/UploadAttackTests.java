package org.onevisit.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile files, in one place: a zip bomb (named .pdf or not), polyglots, path traversal
 * in the file name, a file over the limit and a request over the server's, and a YAML
 * bomb for the catalogue import. Each is refused with a message where it was uploaded, or
 * kept inert (a generated name, an attachment that no browser runs); none is a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadAttackTests {

	static final String FORM = "/apply/items/339900-NR-002";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	OneVisitServer server;

	@Value("${onevisit.data-dir}")
	Path dataDirectory;

	OneVisitHttp seller;

	@BeforeEach
	void logIn() {
		this.seller = this.server.signedIn("applicant1");
	}

	@Test
	void refusesAZipBombWithoutOpeningItWhateverItIsCalled() throws IOException {
		byte[] bomb = zipOfZeros(512L * 1024 * 1024);
		assertThat(bomb.length).isLessThan(1024 * 1024);

		for (String name : List.of("材料.zip", "结清证明.pdf")) {
			long start = System.nanoTime();
			HttpResponse<String> refused = upload(name, bomb);
			assertThat((System.nanoTime() - start) / 1_000_000).as("never inflated").isLessThan(10_000);
			assertThat(refused.statusCode()).isEqualTo(200);
			assertThat(uploadError(refused)).contains(name, "application/zip", "只能上传 PDF、JPG 或 PNG");
		}
	}

	@Test
	void refusesAControlCharacterInAnUploadsFileNameWithAMessage() {
		HttpResponse<String> refused = upload("结清证明\u0000.pdf", PDF);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("控制字符");
	}

	@Test
	void refusesPolyglotsThatAreNotWhatTheAcceptedTypesStartWith() {
		// a GIF that is also a script, and an HTML page that hides a PDF further in
		byte[] gifScript = "GIF89a/*\u0000\u0000*/=1;alert(document.domain)//".getBytes(StandardCharsets.ISO_8859_1);
		byte[] htmlThenPdf = ("<html><body><script>alert(1)</script>\n" + new String(PDF, StandardCharsets.US_ASCII))
			.getBytes(StandardCharsets.US_ASCII);

		assertThat(uploadError(upload("扫描件.pdf", gifScript))).contains("image/gif", "只能上传 PDF、JPG 或 PNG");
		assertThat(uploadError(upload("扫描件.pdf", htmlThenPdf))).contains("text/html", "只能上传 PDF、JPG 或 PNG");
	}

	@Test
	void keepsAPdfThatIsAlsoAZipOrAPageInertAndUnderAGeneratedName() throws IOException {
		// a real PDF start, then a page with script and a zip archive: a PDF to every
		// reader that checks the type, so accepted, but only ever handed out as an
		// attachment that no browser sniffs or runs
		ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
		polyglot.writeBytes(PDF);
		polyglot.writeBytes("<html><script>alert(document.cookie)</script></html>\n".getBytes(StandardCharsets.UTF_8));
		polyglot.writeBytes(zipOfZeros(1024));

		HttpResponse<String> filed = upload("../../../../tmp/onevisit-evil.pdf", polyglot.toByteArray());
		assertThat(filed.statusCode()).as(() -> Jsoup.parse(filed.body()).select("[role=alert]").text()).isEqualTo(302);
		String upload = uploadReference(filed);

		HttpResponse<String> download = this.seller.get("/my/uploads/" + upload);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(download.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("sandbox").contains("default-src 'none'"));
		// the name is shown, never used as a path: only its last segment is kept
		assertThat(download.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).startsWith("attachment")
				.contains("onevisit-evil.pdf")
				.doesNotContain(".."));
		assertThat(Path.of("/tmp/onevisit-evil.pdf")).doesNotExist();
		try (Stream<Path> stored = Files.list(this.dataDirectory.resolve("uploads"))) {
			assertThat(stored.map((path) -> path.getFileName().toString()))
				.allMatch((name) -> name.matches("[0-9a-f-]{36}|incoming-.*\\.part"))
				.contains(upload);
		}
	}

	@Test
	void refusesTraversalNamesOfEveryShapeAsNames() {
		for (String name : List.of("..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/etc/passwd")) {
			HttpResponse<String> filed = upload(name, PDF);
			assertThat(filed.statusCode()).as(name).isEqualTo(302);
			String download = this.seller.get("/my/uploads/" + uploadReference(filed))
				.headers()
				.firstValue("Content-Disposition")
				.orElseThrow();
			assertThat(download).as(name).doesNotContain("..").doesNotContain("/etc/").doesNotContain("\\");
		}
	}

	@Test
	void refusesAFileOverTwentyMegabytesAndARequestOverTheServersLimitWithAMessage() {
		byte[] oversized = new byte[20 * 1024 * 1024 + 1];
		System.arraycopy(PDF, 0, oversized, 0, PDF.length);
		assertThat(uploadError(upload("扫描件.pdf", oversized))).contains("超过了 20 MB");

		byte[] huge = new byte[121 * 1024 * 1024];
		System.arraycopy(PDF, 0, huge, 0, PDF.length);
		HttpResponse<String> cut = upload("整本档案.pdf", huge);
		// past the server's limit Tomcat stops reading and answers itself: a 413, never
		// a 500, and nothing of the request is kept
		assertThat(cut.statusCode()).isEqualTo(413);
	}

	@Test
	void refusesAYamlBombInTheCatalogueImportWithoutExpandingIt() {
		StringBuilder bomb = new StringBuilder(
				"a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
		for (char c = 'b'; c <= 'j'; c++) {
			char previous = (char) (c - 1);
			bomb.append(c).append(": &").append(c).append(" [");
			for (int i = 0; i < 9; i++) {
				bomb.append(i == 0 ? "" : ",").append('*').append(previous);
			}
			bomb.append("]\n");
		}
		String admin = new Matters(this.server.http()).bearer("admin1");
		long start = System.nanoTime();
		HttpResponse<String> refused = this.server.http()
			.post("/api/v1/admin/catalogue", "application/yaml", bomb.toString(), "Authorization", admin);
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
		assertThat(refused.statusCode()).isBetween(400, 499);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	/**
	 * The mortgage-discharge form with every field filled and this file as its upload.
	 */
	private HttpResponse<String> upload(String name, byte[] content) {
		Map<String, String> inputs = OneVisitHttp
			.declared(OneVisitHttp.formInputs(Jsoup.parse(this.seller.get(FORM).body())));
		inputs.put("field.mortgagorId", "339902198503120016");
		inputs.put("field.certificateNo", "浙(2021)示范市不动产证明第0004567号");
		inputs.put("field.bankCode", "91350100M000100Y43");
		return this.seller.postMultipart(FORM, inputs, Map.of("upload.debt-discharged", Map.entry(name, content)));
	}

	private static String uploadError(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return Jsoup.parse(response.body()).getElementById("upload-error-debt-discharged").text();
	}

	private String uploadReference(HttpResponse<String> filed) {
		String id = filed.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceAll(".*/my/applications/([0-9a-f-]{36}).*", "$1");
		String token = "Bearer " + this.seller.bearerToken("applicant1", "onevisit-demo");
		for (var material : OneVisitHttp.json(this.seller.get("/api/v1/applications/" + id, "Authorization", token))
			.path("materials")) {
			if (material.path("code").asString().equals("debt-discharged")) {
				return material.path("reference").asString();
			}
		}
		throw new IllegalStateException("no upload in " + id);
	}

	private static byte[] zipOfZeros(long size) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setLevel(9);
			zip.putNextEntry(new ZipEntry("zeros.bin"));
			byte[] block = new byte[1024 * 1024];
			for (long written = 0; written < size; written += block.length) {
				zip.write(block, 0, (int) Math.min(block.length, size - written));
			}
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

}
