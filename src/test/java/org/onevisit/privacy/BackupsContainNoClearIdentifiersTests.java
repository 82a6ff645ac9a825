package org.onevisit.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.applications.Uploads;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a backup of OneVisit holds, scanned as an attacker who stole one would: every
 * table's content as {@code pg_dump} writes it ({@code COPY … TO STDOUT}; the zonky
 * binaries carry no {@code pg_dump} of their own version), after the demo people filed,
 * confirmed, paid for and received a flat transfer, chose e-mail and text notices and a
 * courier, and uploaded a file. No demo person's resident ID, name, e-mail address or
 * mobile number may appear, in clear or hex-encoded (as bytea columns are dumped), and no
 * uploaded file on disk may show its content.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackupsContainNoClearIdentifiersTests {

	/** Where 张三 chose to be told, besides the inbox. */
	static final String EMAIL = "zhangsan.backup@example.test";

	static final String MOBILE = "13987650123";

	/** 张三, 王芳 and 李四, the people of the demo's flat transfer, and 张三's addresses. */
	static final List<String> IDENTIFIERS = List.of(Matters.SELLER, Matters.WIFE, Matters.BUYER, "张三", "王芳", "李四",
			EMAIL, MOBILE);

	@Autowired
	OneVisitServer server;

	@Autowired
	Uploads uploads;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Value("${onevisit.data-dir}")
	Path dataDirectory;

	@Test
	void backupsContainNoClearIdentifiers() throws Exception {
		OneVisitHttp http = this.server.http();
		Matters matters = this.server.matters(http);
		assertThat(http.putJson("/api/v1/my/notification-preferences", """
				{"email":"%s","mobile":"%s","emailEnabled":true,"smsEnabled":true,"locale":"zh-CN"}
				""".formatted(EMAIL, MOBILE), "Authorization", matters.bearer("applicant1")).statusCode())
			.isEqualTo(200);
		JsonNode filed = matters.fileFlatTransfer();
		chooseACourier(filed);
		matters.approveAll(filed);
		matters.payThroughTheSimulator(filed);
		awaitItsLicences(UUID.fromString(filed.path("id").asString()));
		Uploads.Stored upload = this.uploads.find(
				this.uploads
					.store("applicant1", "张三的身份证.pdf",
							new ByteArrayInputStream(("%PDF-1.4\n% 张三 " + Matters.SELLER + "\n%%EOF\n")
								.getBytes(StandardCharsets.UTF_8)))
					.id(),
				"applicant1")
			.orElseThrow();

		Map<String, String> dump = dump();

		assertThat(dump).as("the dump holds the matter").containsKey("applications_application");
		assertThat(dump.get("messages_delivery")).as("notices went out by e-mail and text").contains("EMAIL", "SMS");
		assertThat(dump.get("messages_simulated_sms")).as("the operator recorded the texts").isNotBlank();
		assertThat(dump.get("applications_application")).contains(filed.path("trackingNo").asString());
		Map<String, List<String>> leaks = new LinkedHashMap<>();
		dump.forEach((table, content) -> {
			// each leak with the row it was found in, to say which column leaks
			List<String> found = IDENTIFIERS.stream()
				.filter((identifier) -> content.contains(identifier) || content.contains(hex(identifier)))
				.map((identifier) -> identifier + " in "
						+ content.lines()
							.filter((row) -> row.contains(identifier) || row.contains(hex(identifier)))
							.findFirst()
							.map((row) -> around(row, row.contains(identifier) ? identifier : hex(identifier)))
							.orElse(""))
				.toList();
			if (!found.isEmpty()) {
				leaks.put(table, found);
			}
		});
		assertThat(leaks).as("tables whose dump shows a demo person's ID or name").isEmpty();
		assertThat(upload.content()).asString(StandardCharsets.UTF_8).contains(Matters.SELLER);
		try (Stream<Path> files = Files.list(this.dataDirectory.resolve("uploads"))) {
			for (Path file : files.toList()) {
				String onDisk = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				assertThat(onDisk).as(file.toString()).doesNotContain("%PDF", Matters.SELLER);
			}
		}
	}

	/** The part of a dumped row around a value, to tell its column. */
	private static String around(String row, String value) {
		int at = row.indexOf(value);
		return row.substring(Math.max(0, at - 200), Math.min(row.length(), at + value.length() + 100));
	}

	private void chooseACourier(JsonNode filed) {
		String delivery = "/my/applications/" + filed.path("id").asString() + "/delivery";
		OneVisitHttp seller = this.server.signedIn("applicant1");
		String page = seller.get(delivery).body();
		seller.postForm(delivery,
				"method=COURIER&recipient=" + URLEncoder.encode("张三", StandardCharsets.UTF_8)
						+ "&phone=13800001234&address=" + URLEncoder.encode("示范市东湖区示范路12号3幢", StandardCharsets.UTF_8)
						+ "&_csrf=" + OneVisitHttp.csrfTokenOf(page));
	}

	private void awaitItsLicences(UUID application) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (licences(application) == 0 && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(licences(application)).as("licences issued").isPositive();
	}

	private int licences(UUID application) {
		return this.jdbc.sql("select count(*) from licences_licence where application_id = :id")
			.param("id", application)
			.query(Integer.class)
			.single();
	}

	/** Every table of the schema, as COPY writes it (which is what pg_dump writes). */
	private Map<String, String> dump() throws SQLException, IOException {
		Map<String, String> dump = new LinkedHashMap<>();
		List<String> tables = new ArrayList<>(this.jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
				""").query(String.class).list());
		try (Connection connection = this.dataSource.getConnection()) {
			PGConnection postgres = connection.unwrap(PGConnection.class);
			for (String table : tables) {
				StringWriter out = new StringWriter();
				// the names come from the catalogue of the schema, not from input
				postgres.getCopyAPI().copyOut("COPY (select * from \"" + table + "\") TO STDOUT", out);
				dump.put(table, out.toString());
			}
		}
		return dump;
	}

	private static String hex(String text) {
		return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
	}

}
