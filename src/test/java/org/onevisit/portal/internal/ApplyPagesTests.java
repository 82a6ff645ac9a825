package org.onevisit.portal.internal;

import java.net.http.HttpResponse;
import java.util.Map;
import org.onevisit.Matters;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.registries.RegistryControl;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Applying online through the pages, as the seller of a flat does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplyPagesTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	OneVisitHttp seller;

	@BeforeEach
	void logIn() {
		this.seller = this.server.signedIn("applicant1");
	}

	@Test
	void theSellerFindsTheFlatTransferFilledInAndFilesItWithoutUploadingAnything() {
		HttpResponse<String> page = this.seller.get("/apply/bundles/flat-transfer");
		assertThat(page.statusCode()).isEqualTo(200);
		Document form = Jsoup.parse(page.body());
		assertThat(form.getElementById("field-buyerName").val()).isEqualTo("李四");
		assertThat(form.getElementById("field-price").val()).isEqualTo("1850000");
		// the buyer's data is read once the matter is filed and the buyer has confirmed
		// it
		assertThat(form.select(".materials .badge").eachText()).contains("已获取，无需提交", "提交后经对方确认，由部门获取")
			.doesNotContain("需要您提交", "待获取");
		assertThat(page.body()).contains("来自住房和城乡建设信息库");

		// a flat of his own for this test, written over the pre-filled one
		RegistryControl.Flat flat = Matters.mintFlat(this.server.registries());
		Map<String, String> inputs = inputsOf(form);
		inputs.put("field.certificateNo", flat.certificateNo());
		inputs.put("field.address", flat.address());
		HttpResponse<String> filed = this.seller.postForm("/apply/bundles/flat-transfer", inputs);

		assertThat(filed.statusCode()).as(() -> Jsoup.parse(filed.body()).select("[role=alert]").text()).isEqualTo(302);
		assertThat(filed.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).matches(".*/my/applications/[0-9a-f-]{36}/filed"));
		// the receipt: the tracking number, the committed date and what happens next
		Document receipt = Jsoup.parse(this.seller
			.get(filed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
			.body());
		assertThat(receipt.getElementById("tracking-number").text()).matches("339900-[0-9-]+");
		assertThat(receipt.select("h1").text()).isEqualTo("申请已提交");
		assertThat(receipt.select(".next-steps li").eachText()).first().asString().contains("其他当事人会收到确认请求");
		assertThat(receipt.select(".next-steps li").eachText())
			.anySatisfy((step) -> assertThat(step).matches("3 个部门同时审查（并联审批），承诺在 \\d{4}-\\d{2}-\\d{2} 前全部办结.*"));
		// no matter left open
		String id = filed.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceAll(".*/applications/([0-9a-f-]{36}).*", "$1");
		OneVisitHttp api = this.server.http();
		assertThat(api
			.postJson("/api/v1/applications/" + id + "/withdrawal", "{}", "Authorization",
					"Bearer " + api.bearerToken("applicant1", "onevisit-demo"))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void checksTheAnswersAndTakesTheDeclarationBeforeAnythingIsFiled() {
		Map<String, String> inputs = OneVisitHttp
			.formInputs(Jsoup.parse(this.seller.get("/apply/items/339900-NR-002").body()));
		inputs.put("field.mortgagorId", "339902198503120016");
		inputs.put("field.certificateNo", "浙(2021)示范市不动产证明第0004568号");
		inputs.put("field.bankCode", "91350100M000100Y43");
		inputs.put("action", "check");
		int before = mine();

		HttpResponse<String> checking = this.seller.postMultipart("/apply/items/339900-NR-002", inputs, Map
			.of("upload.debt-discharged", Map.entry("结清证明.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes())));

		assertThat(checking.statusCode()).isEqualTo(200);
		Document check = Jsoup.parse(checking.body());
		assertThat(check.select("h1").text()).isEqualTo("请核对您的申请");
		assertThat(check.select("dl.answers").text()).contains("浙(2021)示范市不动产证明第0004568号", "91350100M000100Y43");
		assertThat(check.select("input[name^=uploaded.]")).as("the file kept for the filing").hasSize(1);
		assertThat(check.text()).contains("本人承诺");
		assertThat(mine()).as("nothing filed yet").isEqualTo(before);

		// without the declaration: asked again, nothing filed
		Map<String, String> undeclared = OneVisitHttp.formInputs(check);
		undeclared.put("action", "file");
		HttpResponse<String> refused = this.seller.postForm("/apply/items/339900-NR-002", undeclared);
		assertThat(Jsoup.parse(refused.body()).getElementById("declaration-missing").text()).contains("告知承诺");
		assertThat(mine()).isEqualTo(before);

		// back to the form: what was typed and the uploaded file come along
		Map<String, String> edit = OneVisitHttp.formInputs(check);
		edit.put("action", "edit");
		Document again = Jsoup.parse(this.seller.postForm("/apply/items/339900-NR-002", edit).body());
		assertThat(again.getElementById("field-certificateNo").val()).isEqualTo("浙(2021)示范市不动产证明第0004568号");
		assertThat(again.select("input[name=uploaded.debt-discharged]")).hasSize(1);

		HttpResponse<String> filed = this.seller.postForm("/apply/items/339900-NR-002",
				OneVisitHttp.declared(OneVisitHttp.formInputs(check)));
		assertThat(filed.statusCode()).as(() -> Jsoup.parse(filed.body()).select("[role=alert]").text()).isEqualTo(302);
		assertThat(mine()).isEqualTo(before + 1);
	}

	/** How many matters the seller has filed, however many pages his list has. */
	private int mine() {
		return this.jdbc.sql("select count(*) from applications_application where filed_by = 'applicant1'")
			.query(Integer.class)
			.single();
	}

	@Test
	void aHallOnlyItemSaysWhereToGoAndWhatToBringBeforeAnyFormAndIsNotFiledOnline() {
		Document page = Jsoup.parse(this.seller.get("/apply/items/339900-CIVIL-001").body());

		assertThat(page.getElementById("hall-only")).isNotNull();
		assertThat(page.getElementById("hall-only").text()).contains("只能到政务服务大厅窗口办理", "示范市东区便民服务中心", "示范市东湖路 8 号",
				"双方身份证", "双方合影照片");
		assertThat(page.select("form[action$=339900-CIVIL-001]")).isEmpty();

		// posted anyway, as a page kept open from before would
		Map<String, String> inputs = inputsOf(Jsoup.parse(this.seller.get("/apply/items/339900-NR-002").body()));
		inputs.keySet().removeIf((name) -> name.startsWith("field.") || name.startsWith("evidence."));
		inputs.putAll(Map.of("field.partyAId", "339902198503120016", "field.partyBId", "339903199007180029",
				"field.appointmentDate", "2026-12-20"));
		HttpResponse<String> posted = this.seller.postForm("/apply/items/339900-CIVIL-001", inputs);

		assertThat(posted.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(posted.body()).getElementById("refusal").text()).contains("只能到政务服务大厅窗口办理", "示范市政务服务中心");
	}

	@Test
	void keepsADraftUntilTheApplicantComesBackAndDropsItOnceFiled() {
		Map<String, String> inputs = inputsOf(Jsoup.parse(this.seller.get("/apply/items/339900-NR-002").body()));
		inputs.put("field.certificateNo", "浙(2021)示范市不动产证明第0009999号");
		inputs.put("action", "draft");

		HttpResponse<String> saved = this.seller.postMultipart("/apply/items/339900-NR-002", inputs, Map.of());
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).contains("草稿已保存");

		OneVisitHttp later = this.server.signedIn("applicant1");
		Document again = Jsoup.parse(later.get("/apply/items/339900-NR-002").body());
		assertThat(again.text()).contains("已恢复您上次保存的草稿");
		assertThat(again.getElementById("field-certificateNo").val()).isEqualTo("浙(2021)示范市不动产证明第0009999号");

		Map<String, String> complete = inputsOf(again);
		complete.put("field.mortgagorId", "339902198503120016");
		complete.put("field.bankCode", "91350100M000100Y43");
		HttpResponse<String> filed = later.postMultipart("/apply/items/339900-NR-002", complete, Map
			.of("upload.debt-discharged", Map.entry("结清证明.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes())));
		assertThat(filed.statusCode()).as(() -> Jsoup.parse(filed.body()).select("[role=alert]").text()).isEqualTo(302);
		assertThat(later.get("/apply/items/339900-NR-002").body()).doesNotContain("已恢复您上次保存的草稿");
	}

	@Test
	void showsAWrongIdNumberNextToItsFieldAndKeepsWhatWasTyped() {
		Document form = Jsoup.parse(this.seller.get("/apply/bundles/flat-transfer").body());
		Map<String, String> inputs = inputsOf(form);
		inputs.put("field.buyerId", "339903199007180028");

		HttpResponse<String> refused = this.seller.postForm("/apply/bundles/flat-transfer", inputs);

		assertThat(refused.statusCode()).isEqualTo(200);
		Document again = Jsoup.parse(refused.body());
		assertThat(again.getElementById("error-buyerId").text()).contains("校验位不正确");
		assertThat(again.getElementById("field-buyerId").val()).isEqualTo("339903199007180028");
		assertThat(again.select("[role=alert] a").attr("href")).isEqualTo("#field-buyerId");
	}

	@Test
	void refusesAnHtmlFileNamedPdfAndAnOversizedOneWithAClearMessageAndFilesWithARealPdf() {
		Document page = Jsoup.parse(this.seller.get("/apply/items/339900-NR-002").body());
		assertThat(page.getElementById("upload-debt-discharged")).isNotNull();
		Map<String, String> inputs = inputsOf(page);
		inputs.put("field.mortgagorId", "339902198503120016");
		inputs.put("field.certificateNo", "浙(2021)示范市不动产证明第0004567号");
		inputs.put("field.bankCode", "91350100M000100Y43");

		HttpResponse<String> html = this.seller.postMultipart("/apply/items/339900-NR-002", inputs, Map
			.of("upload.debt-discharged", Map.entry("结清证明.pdf", "<html><script>alert(1)</script></html>".getBytes())));
		assertThat(html.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(html.body()).getElementById("upload-error-debt-discharged").text()).contains("结清证明.pdf",
				"text/html", "只能上传 PDF、JPG 或 PNG");

		byte[] oversized = new byte[20 * 1024 * 1024 + 1];
		System.arraycopy("%PDF-1.4\n".getBytes(), 0, oversized, 0, 9);
		HttpResponse<String> large = this.seller.postMultipart("/apply/items/339900-NR-002",
				inputsOf(Jsoup.parse(html.body())), Map.of("upload.debt-discharged", Map.entry("扫描件.pdf", oversized)));
		assertThat(large.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(large.body()).getElementById("upload-error-debt-discharged").text())
			.contains("超过了 20 MB");

		HttpResponse<String> filed = this.seller.postMultipart("/apply/items/339900-NR-002",
				inputsOf(Jsoup.parse(large.body())), Map.of("upload.debt-discharged",
						Map.entry("../../etc/结清证明.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes())));
		assertThat(filed.statusCode()).as(() -> Jsoup.parse(filed.body()).select("[role=alert]").text()).isEqualTo(302);

		// the file is the seller's alone, and only ever a download
		String id = filed.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceAll(".*/my/applications/([0-9a-f-]{36}).*", "$1");
		String token = "Bearer " + this.seller.bearerToken("applicant1", "onevisit-demo");
		String upload = null;
		for (var material : OneVisitHttp.json(this.seller.get("/api/v1/applications/" + id, "Authorization", token))
			.path("materials")) {
			if (material.path("code").asString().equals("debt-discharged")) {
				upload = material.path("reference").asString();
			}
		}
		HttpResponse<String> download = this.seller.get("/my/uploads/" + upload);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''"));
		assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
		OneVisitHttp buyer = this.server.signedIn("applicant2");
		assertThat(buyer.get("/my/uploads/" + upload).statusCode()).isEqualTo(404);
		// the reviewing department reads it, another department does not
		OneVisitHttp registry = this.server.signedIn("reviewer-nr");
		assertThat(registry.get("/review/uploads/" + upload).statusCode()).isEqualTo(200);
		OneVisitHttp tax = this.server.signedIn("reviewer-tax");
		assertThat(tax.get("/review/uploads/" + upload).statusCode()).isEqualTo(404);
	}

	/**
	 * What the browser would post: the form's own data, selected options included, once
	 * the applicant checked the answers and made the declaration.
	 */
	static Map<String, String> inputsOf(Document page) {
		return OneVisitHttp.declared(OneVisitHttp.formInputs(page));
	}

}
