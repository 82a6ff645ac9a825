package org.onevisit.catalog.internal;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.catalog.Catalogue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An administrator keeps the catalogue through its pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogueAdminPagesTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	Catalogue catalogue;

	@Autowired
	org.onevisit.catalog.CatalogueAdministration catalogueAdministration;

	OneVisitHttp admin;

	@BeforeEach
	void logIn() {
		this.admin = this.server.signedIn("admin1");
	}

	@Test
	void editsAnItemSeesEveryMistakeWhereItIsThenSavesPublishesAndComparesVersions() {
		String code = CatalogueIntegrationTests.testCode();
		String broken = CatalogueIntegrationTests.anItem(code, "页面测试事项").replace("committed: 2", "committed: 12");

		String checked = post("/admin/catalogue/items/edit", "validate", broken);
		assertThat(checked).contains("有 1 处错误，未保存", "第 5 行 item.limits.committed");
		assertThat(this.catalogue.search("页面测试事项", 5)).extracting((hit) -> hit.code()).doesNotContain(code);

		HttpResponse<String> saved = postForm("/admin/catalogue/items/edit", "save",
				CatalogueIntegrationTests.anItem(code, "页面测试事项"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/admin/catalogue/items/" + code));
		String entry = this.admin.get("/admin/catalogue/items/" + code).body();
		assertThat(entry).contains("草稿已保存", "发布草稿");

		this.admin.postForm("/admin/catalogue/items/" + code + "/publish", "_csrf=" + csrf(entry));
		assertThat(this.catalogue.item(code).content().name()).isEqualTo("页面测试事项");

		postForm("/admin/catalogue/items/edit", "save", CatalogueIntegrationTests.anItem(code, "页面测试事项（修订）"));
		String compared = this.admin.get("/admin/catalogue/items/" + code + "?from=1&to=2").body();
		assertThat(compared).contains("第 1 版与第 2 版的差异", "- name: 页面测试事项", "+ name: 页面测试事项（修订）");
	}

	@Test
	void importsAnUploadedFileAndRefusesABrokenOneWithEveryProblem() {
		String csrf = csrf(this.admin.get("/admin/catalogue/import").body());

		String refused = upload(csrf, "broken.yaml", "items:\n  - code: x\n").body();
		String imported = upload(csrf, "same.yaml", this.catalogueExport()).body();

		assertThat(refused).contains("“broken.yaml”有", "整份未导入", "broken.yaml 第 2 行");
		assertThat(imported).contains("“same.yaml”已导入", "发布事项 0 个");
	}

	@Test
	void editsTheSynonymListRefusingAMalformedRuleByItsLineAndTheSearchFollowsTheSavedList() {
		String page = this.admin.get("/admin/catalogue/synonyms").body();
		String rules = currentRules(page);
		String csrf = csrf(page);

		String refused = saveSynonyms(csrf, rules + "\n敬老金 高龄津贴\n").body();
		assertThat(refused).contains("未保存", "应写成");
		assertThat(refused).contains("第 " + (rules.lines().count() + 1) + " 行");
		assertThat(this.catalogue.search("敬老金", 3)).extracting((hit) -> hit.code()).doesNotContain("339900-CIVIL-003");

		HttpResponse<String> saved = saveSynonyms(csrf, rules + "\n敬老金, 尊老金 => 高龄津贴\n");
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.admin.get("/admin/catalogue/synonyms").body()).contains("已保存为第", "敬老金, 尊老金");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.catalogue.search("敬老金", 3)).first()
				.extracting((hit) -> hit.code())
				.isEqualTo("339900-CIVIL-003"));
		assertThat(this.admin.get("/admin/catalogue/audit").body()).contains("保存同义词表");
	}

	@Test
	void pagesAndSearchesACatalogueOfManyItems() {
		String prefix = CatalogueIntegrationTests.testCode();
		StringBuilder file = new StringBuilder("items:\n");
		for (int i = 0; i < 55; i++) {
			file.append("  - ")
				.append(CatalogueIntegrationTests.anItem(prefix + "-" + (100 + i), "分页测试事项" + i)
					.strip()
					.replace("\n", "\n    "))
				.append("\n");
		}
		this.catalogueAdministration.importCatalogue("many.yaml", new java.io.StringReader(file.toString()), "admin1");

		String first = this.admin.get("/admin/catalogue?q=" + prefix).body();
		String second = this.admin.get("/admin/catalogue?q=" + prefix + "&page=2").body();

		assertThat(first).contains("事项（55）", "第 1 页，共 2 页", prefix + "-149").doesNotContain(prefix + "-150");
		assertThat(second).contains("第 2 页，共 2 页", prefix + "-154").doesNotContain(prefix + "-149");
		assertThat(this.admin.get("/admin/catalogue?q=" + prefix + "&page=99").body()).contains("第 2 页，共 2 页");
	}

	@Test
	void showsWhereTheRegionsImplementationsOfOneItemDiffer() {
		String page = this.admin.get("/admin/catalogue/differences").body();

		assertThat(page).contains("同一事项无差别", "339902-NR-006", "339903-NR-006", "检索关键词", "允许因地而异");
	}

	@Test
	void letsNoOneButAdministratorsIn() {
		OneVisitHttp clerk = this.server.signedIn("clerk1");

		assertThat(clerk.get("/admin/catalogue").statusCode()).isEqualTo(403);
		assertThat(this.server.http().get("/admin/catalogue").statusCode()).isEqualTo(302);
	}

	private String catalogueExport() {
		return this.admin.get("/admin/catalogue/export.yaml").body();
	}

	private String post(String path, String action, String yaml) {
		return postForm(path, action, yaml).body();
	}

	private HttpResponse<String> postForm(String path, String action, String yaml) {
		String csrf = csrf(this.admin.get("/admin/catalogue/items/new").body());
		return this.admin.postForm(path,
				"action=" + action + "&yaml=" + URLEncoder.encode(yaml, StandardCharsets.UTF_8) + "&_csrf=" + csrf);
	}

	private HttpResponse<String> upload(String csrf, String fileName, String content) {
		String boundary = "----onevisit" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return this.admin.post("/admin/catalogue/import?_csrf=" + csrf, "multipart/form-data; boundary=" + boundary,
				body);
	}

	private HttpResponse<String> saveSynonyms(String csrf, String rules) {
		return this.admin.postForm("/admin/catalogue/synonyms",
				"rules=" + URLEncoder.encode(rules, StandardCharsets.UTF_8) + "&_csrf=" + csrf);
	}

	/** The list in the page's text area, as the browser would send it back. */
	private static String currentRules(String html) {
		int start = html.indexOf('>', html.indexOf("<textarea id=\"rules\"")) + 1;
		return HtmlUtils.htmlUnescape(html.substring(start, html.indexOf("</textarea>", start))).strip();
	}

	private static String csrf(String html) {
		return OneVisitHttp.csrfTokenOf(html);
	}

}
