package org.onevisit.portal.internal;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single window: a walk-in business start-up, with and without everything it needs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HallPagesTests {

	static final String WALK_IN = "339903199007180029";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	OneVisitServer server;

	OneVisitHttp clerk;

	@BeforeEach
	void logIn() {
		this.clerk = this.server.signedIn("clerk1");
	}

	/**
	 * The clerk reads the walk-in's ID card at the window and opens the form for them.
	 */
	HttpResponse<String> lookUp(String residentId, String how) {
		return this.clerk.postForm("/hall/apply", "_csrf=" + OneVisitHttp.csrfTokenOf(this.clerk.get("/hall").body())
				+ "&residentId=" + residentId + "&matter=bundles/business-startup&" + how);
	}

	Document startupForm() {
		HttpResponse<String> lookup = lookUp(WALK_IN, "method=ID_CARD");
		assertThat(lookup.statusCode()).isEqualTo(302);
		HttpResponse<String> form = this.clerk
			.get(lookup.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
		assertThat(form.statusCode()).isEqualTo(200);
		return Jsoup.parse(form.body());
	}

	@Test
	void aClerkCannotOpenTheFormOfSomeoneWhoseIdentityWasNotCheckedAtThisHall() {
		// applicant1 has not been to the east hall's windows today
		this.clerk.get("/hall?hall=east");

		HttpResponse<String> page = this.clerk
			.get("/hall/apply/bundles/business-startup?residentId=339902198503120016");

		assertThat(page.statusCode()).isEqualTo(200);
		Document refused = Jsoup.parse(page.body());
		assertThat(refused.getElementById("identity-error").text()).contains("请先在窗口核验当事人本人身份");
		assertThat(refused.getElementById("field-companyName")).isNull();
		assertThat(page.body()).doesNotContain("张三");

		HttpResponse<String> wrongTicket = lookUp("339902198503120016", "method=TICKET&ticketNumber=Z999");
		assertThat(Jsoup.parse(wrongTicket.body()).getElementById("identity-error").text()).contains("Z999");
		assertThat(this.clerk.get("/hall/apply/bundles/business-startup?residentId=339902198503120016").body())
			.contains("identity-error");
	}

	@Test
	void printsAOneTimeNoticeListingEverythingMissingAtOnce() {
		Document form = startupForm();
		assertThat(form.text()).contains("正在为申请人", "综合窗口");
		Map<String, String> inputs = ApplyPagesTests.inputsOf(form);
		inputs.put("field.companyName", "示范市窗口测试有限公司");

		HttpResponse<String> notice = this.clerk.postMultipart("/hall/apply/bundles/business-startup", inputs,
				Map.of());

		assertThat(notice.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(notice.body());
		assertThat(page.select("h1").text()).isEqualTo("一次性告知书");
		// the two uploads and every required field left empty, in one list
		assertThat(page.select("ol.missing li").eachText()).anySatisfy((line) -> assertThat(line).contains("公司章程"))
			.anySatisfy((line) -> assertThat(line).contains("董事、监事、经理任职文件"))
			.hasSizeGreaterThan(3);
		assertThat(page.text()).contains("不再要求提交其他材料", "王敏");
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void acceptsAWalkInBusinessStartupAndPrintsAReceiptWithAQrCode() {
		assertThat(this.clerk.get("/hall?hall=west").body()).contains("<option value=\"west\" selected");
		Map<String, String> inputs = ApplyPagesTests.inputsOf(startupForm());
		inputs.put("field.companyName", "示范市窗口受理有限公司");
		inputs.put("field.legalRepresentativeId", WALK_IN);
		inputs.put("field.legalRepresentativeName", "李四");
		inputs.put("field.registeredCapital", "100");
		inputs.put("field.address", "示范市西山区人民路66号");
		inputs.put("field.businessScope", "软件开发");
		inputs.put("field.accountant", "李四");
		inputs.put("field.employeeCount", "3");
		Document form = startupForm();
		form.select("select").forEach((select) -> {
			String name = select.attr("name");
			if (inputs.getOrDefault(name, "").isBlank()) {
				inputs.put(name, select.select("option[value]:not([value=''])").first().val());
			}
		});
		// any other required text the test does not care about
		inputs.replaceAll((name, value) -> (name.startsWith("field.") && value.isBlank()) ? "1" : value);

		HttpResponse<String> accepted = this.clerk.postMultipart("/hall/apply/bundles/business-startup", inputs, Map
			.of("upload.articles", Map.entry("章程.pdf", PDF), "upload.officer-appointment", Map.entry("任职文件.pdf", PDF)));

		assertThat(accepted.statusCode())
			.as(() -> Jsoup.parse(accepted.body()).select("ol.missing, [role=alert]").text())
			.isEqualTo(302);
		HttpResponse<String> receipt = this.clerk
			.get(accepted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
		assertThat(receipt.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(receipt.body());
		assertThat(page.select("h1").text()).isEqualTo("受理回执");
		assertThat(page.getElementById("tracking-number").text()).matches("339900-\\d{8}-\\d{6}");
		assertThat(page.select("figure.qr svg path")).isNotEmpty();
		assertThat(page.text()).contains("企业开办一件事", "3399**********0029");

		// the walk-in follows it online with their own account, where the QR code leads
		String id = accepted.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceAll(".*/receipts/([0-9a-f-]{36}).*", "$1");
		OneVisitHttp walkIn = this.server.signedIn("applicant2");
		assertThat(walkIn.get("/my/applications/" + id).statusCode()).isEqualTo(200);
		assertThat(walkIn.get("/my/applications").body()).contains(page.getElementById("tracking-number").text());
		assertThat(page.html()).contains("/my/applications/" + id);
		OneVisitHttp someoneElse = this.server.signedIn("applicant1");
		assertThat(someoneElse.get("/my/applications/" + id).statusCode()).isEqualTo(404);
		// the window's hall is on record, for supervision per hall
		assertThat(this.jdbc.sql("select hall_code from applications_application where id = :id")
			.param("id", java.util.UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("west");
	}

}
