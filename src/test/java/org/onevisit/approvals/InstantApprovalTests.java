package org.onevisit.approvals;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 开具个人所得税纳税记录 carries two rules: the taxpayer is at least 18 (population registry) and
 * has no tax arrears confirmed within 30 days (tax registry).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InstantApprovalTests {

	@Autowired
	OneVisitServer server;

	OneVisitHttp http;

	String token;

	String account;

	/**
	 * Files a tax record about the taxpayer by the taxpayer (a record is issued only to
	 * the taxpayer): 张三 online, anyone else at a window.
	 */
	JsonNode file(String taxpayer) {
		this.http = this.server.http();
		this.account = taxpayer.equals("339902198503120016") ? "applicant1" : "clerk1";
		this.token = this.http.bearer(this.account);
		HttpResponse<String> filed = this.http.postJson("/api/v1/applications", Matters.taxRecord(taxpayer),
				"Authorization", this.token, "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(filed.statusCode()).as(filed::body).isEqualTo(201);
		return OneVisitHttp.json(filed);
	}

	String trace(JsonNode filed) throws InterruptedException {
		OneVisitHttp page = this.server.signedIn(this.account);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		String body = "";
		while (!body.contains("approval-panel\" class") && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
			body = page.get("/approvals/applications/" + filed.path("id").asString()).body();
		}
		return org.jsoup.Jsoup.parse(body).select("#approval-panel").text();
	}

	JsonNode current(JsonNode filed) {
		return OneVisitHttp
			.json(this.http.get("/api/v1/applications/" + filed.path("id").asString(), "Authorization", this.token));
	}

	@Test
	void approvesTheTaxRecordWithinASecondAndShowsWhy() throws Exception {
		String taxpayer = "339902198503120016";
		assertThat(this.server.registries().subjectsWhere("tax.clearance", "arrears", false)).contains(taxpayer);
		JsonNode filed = file(taxpayer);

		String trace = trace(filed);

		assertThat(trace).contains("全部条件满足", "纳税人年满18周岁：是（", "纳税人无欠税：是（", "更新）");
		JsonNode approved = current(filed);
		assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
		JsonNode history = OneVisitHttp.json(this.http
			.get("/api/v1/applications/" + filed.path("id").asString() + "/history", "Authorization", this.token));
		JsonNode byRules = history.valueStream()
			.filter((entry) -> entry.path("actor").asString().equals("onevisit")
					&& entry.path("reason").asString().startsWith("秒批"))
			.findFirst()
			.orElseThrow();
		Instant submitted = Instant.parse(history.get(0).path("at").asString());
		assertThat(Duration.between(submitted, Instant.parse(byRules.path("at").asString())))
			.isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void sendsTheSameItemToAPersonWhenAConditionFails() throws Exception {
		String owesTax = this.server.registries()
			.subjectsWhere("tax.clearance", "arrears", true)
			.stream()
			.filter((id) -> id.length() == 18 && Character.isDigit(id.charAt(0)))
			.findFirst()
			.orElseThrow();
		JsonNode filed = file(owesTax);

		String trace = trace(filed);

		assertThat(trace).contains("转人工审核", "纳税人无欠税：否（");
		assertThat(current(filed).path("status").asString()).isEqualTo("IN_REVIEW");
		OneVisitHttp reviewer = this.server.signedIn("reviewer-tax");
		String task = current(filed).path("tasks").get(0).path("id").asString();
		assertThat(reviewer.get("/review/tasks/" + task).body()).contains("/approvals/applications/");
		assertThat(reviewer.get("/approvals/applications/" + filed.path("id").asString()).body()).contains("纳税人无欠税：否");
	}

	@Test
	void sendsItToAPersonWhenTheDataIsStale() throws Exception {
		String taxpayer = this.server.registries()
			.subjectsWhere("tax.clearance", "arrears", false)
			.stream()
			.filter((id) -> id.length() == 18 && !id.equals("339902198503120016"))
			.findFirst()
			.orElseThrow();
		this.server.registries().backdate("tax.clearance", taxpayer, Instant.now().minus(Duration.ofDays(60)));
		JsonNode filed = file(taxpayer);

		String trace = trace(filed);

		assertThat(trace).contains("转人工审核", "纳税人无欠税：无法确认，数据已超过30天未更新", "纳税人年满18周岁：是");
		assertThat(current(filed).path("status").asString()).isEqualTo("IN_REVIEW");
	}

}
