package org.onevisit.partners;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.Problems;
import org.onevisit.Partners;
import org.onevisit.partners.internal.BatchWorker;
import org.onevisit.partners.internal.Batches;
import org.onevisit.registries.RegistryControl;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner hands in a batch of cases: each is filed on its own as a single filing under
 * a mandate would be, refused ones are named by row in the errors file, a re-upload files
 * nothing twice, a grouped set is filed all or nothing, and cases a node had claimed when
 * it died are filed once the claim is gone. The worker runs only when a batch arrives (no
 * poll during the test), so that a test can hold cases before the worker sees them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "onevisit.partners.batches.poll-interval=PT1H")
class BatchIntakeTests {

	static final String HEADER = "Idempotency-Key,group,mandateId,itemCode,applicant.residentId,"
			+ "sellerId,sellerName,buyerId,buyerName,certificateNo,address,price";

	static final String ITEM = "339900-NR-001";

	@Autowired
	OneVisitServer server;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Batches batches;

	@Autowired
	BatchWorker worker;

	Partners partners;

	Partners.Client agency;

	String token;

	String mandate;

	@BeforeEach
	void anAgencyHoldingTheSellersMandateForTheTransferRegistration() {
		this.partners = new Partners(this.server.port());
		this.agency = this.partners.register("name="
				+ Partners.encode("示范中介" + UUID.randomUUID().toString().substring(0, 4)) + "&kind=AGENCY&groups=nr");
		this.token = this.partners.bearer(this.agency, "file:nr");
		this.mandate = this.partners.grant(this.partners.signedIn("applicant1"), this.agency.clientId(), ITEM,
				"代办存量房过户");
	}

	@Test
	void filesEachCaseOnItsOwnAndNamesTheRowsRefusedWithoutAMandateOrWithABadForm() {
		String csv = HEADER + "\n" + row(key(), "", this.mandate, "1250000") + "\n" + row(key(), "", "", "1250000")
				+ "\n" + row(key(), "", this.mandate, "many") + "\n";

		HttpResponse<String> received = upload("text/csv", csv);

		assertThat(received.statusCode()).as(received.body()).isEqualTo(202);
		String location = received.headers().firstValue("Location").orElseThrow();
		assertThat(OneVisitHttp.json(received).path("received").asInt()).isEqualTo(3);
		JsonNode done = finished(location);
		assertThat(done.path("filed").asInt()).isEqualTo(1);
		assertThat(done.path("refused").asInt()).isEqualTo(2);
		assertThat(done.path("pending").asInt()).isZero();
		List<CSVRecord> results = csv(get(location + "/results"));
		assertThat(results).singleElement().satisfies((filed) -> {
			assertThat(filed.get("row")).isEqualTo("1");
			assertThat(filed.get("trackingNo")).isNotBlank();
		});
		List<CSVRecord> errors = csv(get(location + "/errors"));
		assertThat(errors).extracting((error) -> error.get("row")).containsExactly("2", "3");
		assertThat(errors).extracting((error) -> error.get("code")).containsExactly("mandate_missing", "form_invalid");
		assertThat(errors.get(0).get("message")).isEqualTo("合作机构须出示委托人对本事项的有效委托。");
		assertThat(errors.get(1).get("message")).matches(".*\\p{IsHan}.*");
		// filed as a single partner filing is: channel, mandate, on the citizen's record
		JsonNode application = OneVisitHttp.json(this.server.http()
			.get("/api/v1/applications/" + results.get(0).get("applicationId"), "Authorization", bearer("applicant1")));
		assertThat(application.path("channel").asString()).isEqualTo("PARTNER");
		String record = Jsoup.parse(this.partners.signedIn("applicant1").get("/my/mandates").body())
			.select("table.partner-actions tbody tr")
			.text();
		assertThat(record).contains(results.get(0).get("trackingNo")).contains(this.mandate);
		// the cases' filings are stored sealed
		assertThat(this.jdbc.sql("select filing_sealed from partners_batch_case where batch_id = :id")
			.param("id", UUID.fromString(done.path("id").asString()))
			.query(String.class)
			.list()).allSatisfy((sealed) -> assertThat(sealed).startsWith("pd1.").doesNotContain(Matters.SELLER));
	}

	@Test
	void aReUploadOfTheSameCasesFilesNothingTwice() {
		String lines = jsonLine(key(), null, Matters.mintFlat(this.server.registries())) + "\n"
				+ jsonLine(key(), null, Matters.mintFlat(this.server.registries())) + "\n";

		List<CSVRecord> first = csv(get(finishedLocation(upload("application/x-ndjson", lines)) + "/results"));
		List<CSVRecord> again = csv(get(finishedLocation(upload("application/x-ndjson", lines)) + "/results"));

		assertThat(first).hasSize(2);
		assertThat(again).extracting((filed) -> filed.get("applicationId"))
			.containsExactlyElementsOf(first.stream().map((filed) -> filed.get("applicationId")).toList());
		assertThat(again).extracting((filed) -> filed.get("trackingNo"))
			.containsExactlyElementsOf(first.stream().map((filed) -> filed.get("trackingNo")).toList());
		for (CSVRecord filed : first) {
			assertThat(this.jdbc.sql("select count(*) from partners_action where application_id = :id")
				.param("id", UUID.fromString(filed.get("applicationId")))
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
	}

	@Test
	void aGroupedSetIsFiledAllOrNothingWhileTheOtherCasesAreFiledOnTheirOwn() {
		String refusedGroup = key();
		String csv = HEADER + "\n" + row(refusedGroup, "A", this.mandate, "1250000") + "\n"
				+ row(key(), "A", this.mandate, "-5") + "\n" + row(key(), "B", this.mandate, "1250000") + "\n"
				+ row(key(), "B", this.mandate, "1250000") + "\n" + row(key(), "", this.mandate, "1250000") + "\n";

		String location = finishedLocation(upload("text/csv", csv));

		assertThat(csv(get(location + "/results"))).extracting((filed) -> filed.get("row"))
			.containsExactly("3", "4", "5");
		List<CSVRecord> errors = csv(get(location + "/errors"));
		assertThat(errors).extracting((error) -> error.get("row")).containsExactly("1", "2");
		assertThat(errors).extracting((error) -> error.get("code"))
			.containsExactly("batch_group_refused", "form_invalid");
		assertThat(errors.get(0).get("message")).contains("第 2 行");
		// nothing of the refused group was filed: its first case's key names no
		// application
		assertThat(this.jdbc.sql("select count(*) from applications_idempotency where filed_by = :who and key = :key")
			.param("who", this.agency.clientId())
			.param("key", refusedGroup)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void casesANodeClaimedWhenItDiedAreFiledAfterwardsOnceEach() throws Exception {
		StringBuilder csv = new StringBuilder(HEADER).append('\n');
		for (int row = 0; row < 4; row++) {
			csv.append(row(key(), "", this.mandate, "1250000")).append('\n');
		}
		UUID batch = this.batches.receive(this.agency.clientId(), Set.of("file:nr"), Batches.Format.CSV, csv.toString(),
				this.agency.clientId());

		// a node claims rows 1 and 2 in its transaction, and dies before it commits
		try (Connection node = this.dataSource.getConnection()) {
			node.setAutoCommit(false);
			try (PreparedStatement claim = node.prepareStatement("select row_no from partners_batch_case "
					+ "where batch_id = ? and row_no in (1, 2) for update skip locked")) {
				claim.setObject(1, batch);
				try (ResultSet claimed = claim.executeQuery()) {
					int rows = 0;
					while (claimed.next()) {
						rows++;
					}
					assertThat(rows).isEqualTo(2);
				}
			}
			this.worker.wake();
			Batches.Progress meanwhile = waitFor(batch, 2);
			assertThat(meanwhile.filed()).isEqualTo(2);
			assertThat(this.jdbc.sql(
					"select row_no from partners_batch_case where batch_id = :id and state = 'PENDING' order by row_no")
				.param("id", batch)
				.query(Integer.class)
				.list()).containsExactly(1, 2);
			node.rollback();
		}

		// the next node (here: the next wake-up) finishes the batch
		this.worker.wake();
		Batches.Progress done = waitFor(batch, 0);

		assertThat(done.filed()).isEqualTo(4);
		List<UUID> applications = this.jdbc
			.sql("select application_id from partners_batch_case where batch_id = :id order by row_no")
			.param("id", batch)
			.query(UUID.class)
			.list();
		assertThat(applications).doesNotContainNull().doesNotHaveDuplicates().hasSize(4);
		for (UUID application : applications) {
			assertThat(this.jdbc.sql("select count(*) from partners_action where application_id = :id")
				.param("id", application)
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
	}

	@Test
	void refusesAMalformedFileOrOneOfMoreThanFiveThousandCasesNamingTheRowAndStoresNothing() {
		String badMandate = HEADER + "\n" + row(key(), "", this.mandate, "1") + "\n"
				+ row(key(), "", "not-a-uuid", "1");
		assertRefused(upload("text/csv", badMandate), 400, "batch_row_malformed", 2);

		String repeated = HEADER + "\n" + row("same", "", this.mandate, "1") + "\n"
				+ row("same", "", this.mandate, "1");
		assertRefused(upload("text/csv", repeated), 400, "batch_key_repeated", 2);

		assertRefused(upload("text/csv", HEADER.replace("Idempotency-Key,", "") + "\n"), 400, "batch_key_missing", 1);
		assertRefused(upload("application/x-ndjson", "{\"idempotencyKey\":\"k1\"}\n{not json\n"), 400,
				"batch_row_malformed", 2);

		StringBuilder tooMany = new StringBuilder();
		for (int row = 0; row < 5_001; row++) {
			tooMany.append("{\"idempotencyKey\":\"k")
				.append(row)
				.append("\",\"itemCode\":\"")
				.append(ITEM)
				.append("\"}\n");
		}
		assertRefused(upload("application/x-ndjson", tooMany.toString()), 413, "batch_too_many_cases", 5_001);

		assertThat(upload("application/json", "{}").statusCode()).isEqualTo(400);
		assertThat(this.jdbc.sql("select count(*) from partners_batch where partner_client_id = :partner")
			.param("partner", this.agency.clientId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aBatchIsItsPartnersOnly() {
		String location = upload("text/csv", HEADER + "\n" + row(key(), "", "", "1") + "\n").headers()
			.firstValue("Location")
			.orElseThrow();
		Partners.Client other = this.partners.register("name=" + Partners.encode("另一家中介") + "&kind=AGENCY&groups=nr");
		String theirs = this.partners.bearer(other, "file:nr");

		assertThat(this.server.http().get(location, "Authorization", theirs).statusCode()).isEqualTo(404);
		assertThat(this.server.http().get(location + "/errors", "Authorization", theirs).statusCode()).isEqualTo(404);
		// an applicant's token opens no batch
		assertThat(this.server.http().get(location, "Authorization", bearer("applicant1")).statusCode()).isEqualTo(403);
	}

	@Test
	void theAdministratorUploadsAPartnersFileAndFollowsItsProgressOnAPageThatUpdatesItself() {
		OneVisitHttp admin = this.partners.signedIn("admin1");
		String page = "/admin/partners/" + this.agency.clientId() + "/batches";
		String csv = HEADER + "\n" + row(key(), "", this.mandate, "1250000") + "\n" + row(key(), "", "", "1") + "\n";

		HttpResponse<String> uploaded = admin.postMultipart(
				page + "?_csrf=" + OneVisitHttp.csrfTokenOf(admin.get(page).body()), Map.of(),
				Map.of("file", Map.entry("cases.csv", csv.getBytes(StandardCharsets.UTF_8))));

		assertThat(uploaded.statusCode()).isEqualTo(302);
		Document shown = Jsoup.parse(admin.get(page).body());
		assertThat(shown.select("[role=alert]")).isEmpty();
		assertThat(shown.select("[role=status]").text()).isNotBlank();
		org.jsoup.nodes.Element batch = shown.selectFirst("article.batch");
		assertThat(batch.select("progress")).hasSize(1);
		String fragment = page + "/" + batch.attr("data-batch") + "/progress";
		if (!batch.hasAttr("hx-trigger")) {
			assertThat(batch.text()).contains("已处理 2/2 件");
		}
		else {
			assertThat(batch.attr("hx-trigger")).isEqualTo("every 2s");
			assertThat(batch.attr("hx-get")).isEqualTo(fragment);
		}
		// the fragment htmx fetches stops asking once the batch is done
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		org.jsoup.nodes.Element progress;
		do {
			assertThat(Instant.now()).isBefore(deadline);
			sleep();
			progress = Jsoup.parse(admin.get(fragment).body()).selectFirst("article.batch");
		}
		while (progress.hasAttr("hx-trigger"));
		assertThat(progress.select("progress").attr("value")).isEqualTo("100");
		assertThat(progress.text()).contains("已提交 1 件").contains("未通过 1 件");
		HttpResponse<String> errors = admin.get(progress.selectFirst("a.errors").attr("href"));
		assertThat(csv(errors)).extracting((error) -> error.get("code")).containsExactly("mandate_missing");
		// a file the page cannot read is refused with the row named, and nothing stored
		admin.postMultipart(page + "?_csrf=" + OneVisitHttp.csrfTokenOf(admin.get(page).body()), Map.of(),
				Map.of("file", Map.entry("cases.csv", (HEADER + "\nk,,nope").getBytes(StandardCharsets.UTF_8))));
		Document refused = Jsoup.parse(admin.get(page).body());
		assertThat(refused.select("[role=alert]").text()).contains("第 1 行");
		assertThat(refused.select("article.batch")).hasSize(1);
	}

	// ------------------------------------------------------------------ fixtures

	private String row(String key, String group, String mandate, String price) {
		RegistryControl.Flat flat = Matters.mintFlat(this.server.registries());
		return String.join(",", key, group, mandate, ITEM, Matters.SELLER, Matters.SELLER, "张三", Matters.BUYER, "李四",
				flat.certificateNo(), "\"" + flat.address() + "\"", price);
	}

	private String jsonLine(String key, String group, RegistryControl.Flat flat) {
		return "{\"idempotencyKey\":\"" + key + "\"," + ((group != null) ? "\"group\":\"" + group + "\"," : "")
				+ "\"mandateId\":\"" + this.mandate + "\",\"itemCode\":\"" + ITEM
				+ "\",\"applicant\":{\"residentId\":\"" + Matters.SELLER + "\"},\"form\":{\"sellerId\":\""
				+ Matters.SELLER + "\",\"sellerName\":\"张三\",\"buyerId\":\"" + Matters.BUYER
				+ "\",\"buyerName\":\"李四\"," + "\"certificateNo\":\"" + flat.certificateNo() + "\",\"address\":\""
				+ flat.address() + "\",\"price\":1250000}}";
	}

	private static String key() {
		return UUID.randomUUID().toString();
	}

	private HttpResponse<String> upload(String contentType, String body) {
		return this.server.http().post("/api/v1/batches", contentType, body, "Authorization", this.token);
	}

	private HttpResponse<String> get(String path) {
		return this.server.http().get(path, "Authorization", this.token);
	}

	private String finishedLocation(HttpResponse<String> received) {
		assertThat(received.statusCode()).as(received.body()).isEqualTo(202);
		String location = received.headers().firstValue("Location").orElseThrow();
		finished(location);
		return location;
	}

	private JsonNode finished(String location) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (true) {
			JsonNode progress = OneVisitHttp.json(get(location));
			if ("FINISHED".equals(progress.path("state").asString())) {
				return progress;
			}
			assertThat(Instant.now()).as("batch finished in time: " + progress).isBefore(deadline);
			sleep();
		}
	}

	private Batches.Progress waitFor(UUID batch, int pending) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (true) {
			Batches.Progress progress = this.batches.progress(batch, this.agency.clientId());
			if (progress.pending() == pending) {
				return progress;
			}
			assertThat(Instant.now()).as("pending down to " + pending + ": " + progress).isBefore(deadline);
			sleep();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<CSVRecord> csv(HttpResponse<String> download) {
		assertThat(download.statusCode()).as(download.body()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		try {
			return new ArrayList<>(CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new java.io.StringReader(download.body()))
				.getRecords());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void assertRefused(HttpResponse<String> answer, int status, String code, int row) {
		JsonNode problem = Problems.assertProblem(answer, status, code);
		assertThat(problem.path("row").asInt()).isEqualTo(row);
		assertThat(problem.path("detail").asString()).isNotBlank();
	}

	private String bearer(String username) {
		return "Bearer " + this.server.http().bearerToken(username, "onevisit-demo");
	}

}
