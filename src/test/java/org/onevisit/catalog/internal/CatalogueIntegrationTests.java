package org.onevisit.catalog.internal;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.CatalogueAdministration;
import org.onevisit.catalog.CatalogueAdministration.ImportReport;
import org.onevisit.catalog.CatalogueDocument;
import org.onevisit.catalog.CatalogueEntryNotFound;
import org.onevisit.catalog.CatalogueIndicators;
import org.onevisit.catalog.CatalogueInvalid;
import org.onevisit.catalog.Department;
import org.onevisit.catalog.Directory;
import org.onevisit.catalog.MaterialSource;
import org.onevisit.catalog.SearchHit;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.catalog.VersionStatus;
import org.onevisit.catalog.Versioned;
import org.onevisit.shared.CreditCode;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onevisit.catalog.internal.CatalogueRefusals.problemsOf;

/**
 * The catalogue on a running OneVisit with the demo city imported. Tests that change the
 * catalogue work on items of their own (codes starting with T-), so the seeded items stay
 * as seeded for the other tests sharing this database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogueIntegrationTests {

	@Autowired
	Catalogue catalogue;

	@Autowired
	CatalogueAdministration administration;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	/** A new visitor for each test. */
	@Autowired
	OneVisitHttp visitor;

	static String anItem(String code, String name) {
		return """
				code: %s
				name: %s
				department: tax
				region: "339900"
				limits: {statutory: 10, committed: 2}
				channels: both
				visits: 0
				materialsBefore: 3
				form:
				  - {name: applicantId, label: 申请人身份证号码, type: residentId, required: true}
				parties:
				  - {field: applicantId, role: applicant, confirms: onlineOrHall}
				materials:
				  - {code: applicant-identity, name: 申请人身份证明, source: sharedData, dataElement: population.identity}
				  - {code: proof, name: 证明材料, source: upload}
				""".formatted(code, name);
	}

	static String testCode() {
		return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	// ------------------------------------------------------------------ import and
	// export

	@Test
	void exportsTheSeededCatalogueExactlyAndAnExportImportedAgainChangesNothing() throws Exception {
		CatalogueDocument seed = CatalogueYamlTests.seed();

		String exported = this.administration.exportCatalogue();
		CatalogueDocument read = CatalogueYaml.read("export.yaml", new StringReader(exported),
				CatalogueRules.Context.EMPTY);
		ImportReport again = this.administration.importCatalogue("export.yaml", new StringReader(exported), "test");

		assertThat(read.regions()).containsAll(seed.regions());
		assertThat(read.departments()).containsAll(seed.departments());
		assertThat(read.items()).containsAll(seed.items());
		assertThat(read.bundles()).containsAll(seed.bundles());
		// anything else exported was made by tests, under their own codes
		assertThat(read.items()).filteredOn((item) -> !seed.items().contains(item))
			.allSatisfy((item) -> assertThat(item.code()).containsPattern("^(\\d+-)?T-"));
		assertThat(again.itemsPublished()).isZero();
		assertThat(again.bundlesPublished()).isZero();
		assertThat(this.administration.exportCatalogue()).isEqualTo(exported);
	}

	@Test
	void importsAFileAgainAsItWasOnlyWhileNothingWasPublishedSince() {
		String code = testCode();
		String file = "items:\n  - " + anItem(code, "导入测试").strip().replace("\n", "\n    ") + "\n";
		ImportReport first = this.administration.importCatalogue("once.yaml", new StringReader(file), "test");
		ImportReport again = this.administration.importCatalogue("once.yaml", new StringReader(file), "test");
		// meanwhile an administrator renames the item: the same file puts its version
		// back
		this.administration.saveItemDraft(anItem(code, "导入测试改名"), "admin1");
		this.administration.publishItem(code, "admin1");

		ImportReport restored = this.administration.importCatalogue("once.yaml", new StringReader(file), "test");

		assertThat(first.itemsPublished()).isEqualTo(1);
		assertThat(again.itemsPublished()).isZero();
		assertThat(again.itemsUnchanged()).isEqualTo(1);
		assertThat(restored.itemsPublished()).isEqualTo(1);
		assertThat(this.catalogue.item(code).content().name()).isEqualTo("导入测试");
		assertThat(this.catalogue.item(code).version()).isEqualTo(3);
	}

	@Test
	void aFileRenamingOnlyADepartmentMovesTheRevisionSoTheOldNameComesBackWithTheOldFile() {
		String department = "t-" + testCode().substring(2).toLowerCase();
		String credit = CreditCode.completing("11339900MB" + String.format("%06d", (int) (Math.random() * 1_000_000)))
			.value();
		String file = "departments:\n  - {code: %s, name: 测试局, region: \"339900\", creditCode: %s}\n"
			.formatted(department, credit);
		this.administration.importCatalogue("departments.yaml", new StringReader(file), "test");
		long before = revision();

		this.administration.importCatalogue("renamed.yaml", new StringReader(file.replace("测试局", "测试新局")), "test");
		long renamed = revision();
		this.administration.importCatalogue("departments.yaml", new StringReader(file), "test");

		String nameNow = this.jdbc.sql("select name from catalog_department where code = :code")
			.param("code", department)
			.query(String.class)
			.single();
		// the context is shared: a department without its demo reviewer must not outlive
		// the test (IdentityIntegrationTests expects one for every department)
		this.jdbc.sql("delete from catalog_department where code = :code").param("code", department).update();

		assertThat(renamed).isEqualTo(before + 1);
		assertThat(revision()).isEqualTo(renamed + 1);
		assertThat(nameNow).isEqualTo("测试局");
	}

	@Test
	void refusesAMalformedImportWholeAndSavesNothingOfIt() {
		String code = testCode();
		String file = """
				departments:
				  - {code: newdept, name: 新部门, region: "339900", creditCode: 11339900MB00000352}
				items:
				  - %s
				  - code: %s-2
				    name: 坏事项
				    department: tax
				    region: "339900"
				    limits: {statutory: 1, committed: 5}
				    channels: both
				    visits: 0
				    materialsBefore: 1
				""".formatted(anItem(code, "好事项").strip().replace("\n", "\n    "), code);
		int itemsBefore = count("catalog_item");
		int auditBefore = count("catalog_audit");

		assertThat(problemsOf(() -> this.administration.importCatalogue("bad.yaml", new StringReader(file), "test")))
			.extracting((problem) -> problem.line() + " " + problem.field())
			.containsExactly("23 items[1].limits.committed");

		assertThat(count("catalog_item")).isEqualTo(itemsBefore);
		assertThat(count("catalog_audit")).isEqualTo(auditBefore);
		assertThat(this.jdbc.sql("select count(*) from catalog_department where code = 'newdept'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void answersAnInvalidImportThroughTheApiWithEveryProblem() {
		String admin = this.visitor.bearerToken("admin1", "onevisit-demo");

		HttpResponse<String> response = this.visitor.postJson("/api/v1/admin/catalogue",
				"items:\n  - code: x\n    name: 无部门\n", "Authorization", "Bearer " + admin, "Content-Type",
				"application/yaml");

		JsonNode problem = OneVisitHttp.json(response);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(problem.path("code").asString()).isEqualTo("catalogue_invalid");
		assertThat(problem.path("errors")).hasSizeGreaterThanOrEqualTo(5);
		assertThat(problem.path("errors").get(0).path("line").asInt()).isEqualTo(2);
		assertThat(problem.path("errors").get(0).path("file").asString()).isEqualTo("upload.yaml");
	}

	@Test
	void letsOnlyAdministratorsImportAndExport() {
		String applicant = this.visitor.bearerToken("applicant1", "onevisit-demo");

		assertThat(this.visitor.get("/api/v1/admin/catalogue", "Authorization", "Bearer " + applicant).statusCode())
			.isEqualTo(403);
		assertThat(this.visitor.get("/api/v1/admin/catalogue").statusCode()).isEqualTo(401);
	}

	// ------------------------------------------------------------------ versions

	@Test
	void keepsTheVersionAnApplicationWasFiledUnderWhenANewOneIsPublished() {
		String code = testCode();
		this.administration.saveItemDraft(anItem(code, "旧名称"), "admin1");
		Versioned<ServiceItem> first = this.administration.publishItem(code, "admin1");

		this.administration.saveItemDraft(anItem(code, "新名称"), "admin1");
		Versioned<ServiceItem> second = this.administration.publishItem(code, "admin1");

		assertThat(second.version()).isEqualTo(first.version() + 1);
		assertThat(this.catalogue.item(code).content().name()).isEqualTo("新名称");
		Versioned<ServiceItem> filedUnder = this.catalogue.item(code, first.version());
		assertThat(filedUnder.content()).isEqualTo(first.content());
		assertThat(filedUnder.content().name()).isEqualTo("旧名称");
		assertThat(filedUnder.status()).isEqualTo(VersionStatus.SUPERSEDED);
		assertThat(this.administration.diff(this.administration.itemYaml(first.content()),
				this.administration.itemYaml(second.content())))
			.filteredOn((line) -> line.mark() != ' ')
			.extracting((line) -> line.mark() + line.text())
			.containsExactly("-name: 旧名称", "+name: 新名称");
	}

	@Test
	void showsCitizensNothingOfADraftUntilItIsPublished() {
		String code = testCode();

		this.administration.saveItemDraft(anItem(code, "草稿事项"), "admin1");

		assertThatThrownBy(() -> this.catalogue.item(code)).isInstanceOf(CatalogueEntryNotFound.class);
		assertThat(this.visitor.get("/api/v1/items/" + code).statusCode()).isEqualTo(404);
		this.administration.publishItem(code, "admin1");
		assertThat(this.visitor.get("/api/v1/items/" + code).statusCode()).isEqualTo(200);
	}

	@Test
	void withdrawsARetiredItemFromGuidesAndSearchButKeepsItsVersions() {
		String code = testCode();
		this.administration.saveItemDraft(anItem(code, "即将取消的测试事项"), "admin1");
		Versioned<ServiceItem> published = this.administration.publishItem(code, "admin1");
		assertThat(this.catalogue.search("即将取消的测试事项", 5)).extracting(SearchHit::code).contains(code);

		this.administration.retireItem(code, "admin1");

		assertThatThrownBy(() -> this.catalogue.item(code)).isInstanceOf(CatalogueEntryNotFound.class);
		assertThat(this.catalogue.search("即将取消的测试事项", 5)).extracting(SearchHit::code).doesNotContain(code);
		assertThat(this.catalogue.item(code, published.version()).status()).isEqualTo(VersionStatus.RETIRED);
	}

	@Test
	void namesEachDepartmentByItsCodeAndAnUnknownCodeByItself() {
		List<Department> departments = this.directory.departments();
		Department first = departments.get(0);

		assertThat(this.directory.departmentName(first.code())).isEqualTo(first.name());
		assertThat(this.directory.departmentName("no-such-department")).isEqualTo("no-such-department");
		assertThat(this.directory.departmentNames()).hasSize(departments.size())
			.containsEntry(first.code(), first.name());
	}

	@Test
	void namesAMatterByItsBundleOrElseItsItemAndARetiredItemByItsCode() {
		String code = testCode();
		this.administration.saveItemDraft(anItem(code, "按名称显示的测试事项"), "admin1");
		this.administration.publishItem(code, "admin1");
		Bundle bundle = this.catalogue.publishedBundles().get(0);

		assertThat(this.catalogue.matterName(null, code)).isEqualTo("按名称显示的测试事项");
		assertThat(this.catalogue.matterName(bundle.code(), code)).isEqualTo(bundle.name());
		assertThat(this.catalogue.itemName(code)).isEqualTo("按名称显示的测试事项");

		this.administration.retireItem(code, "admin1");

		assertThat(this.catalogue.itemName(code)).isEqualTo(code);
		assertThatThrownBy(() -> this.catalogue.matterName(null, code)).isInstanceOf(CatalogueEntryNotFound.class);
	}

	@Test
	void auditsEveryChangeWithWhoMadeIt() {
		String code = testCode();

		this.administration.saveItemDraft(anItem(code, "审计测试"), "admin1");
		this.administration.publishItem(code, "admin1");

		assertThat(this.administration.audit(50)).filteredOn((entry) -> entry.subject().equals("item:" + code))
			.extracting((entry) -> entry.actor() + " " + entry.action() + " v" + entry.version())
			.containsExactly("admin1 PUBLISH v1", "admin1 SAVE_DRAFT v1");
	}

	@Test
	void refusesToPublishWhatHasNoDraft() {
		assertThatThrownBy(() -> this.administration.publishItem("339900-NR-001", "admin1"))
			.hasFieldOrPropertyWithValue("code", "catalogue_version_conflict");
	}

	// ------------------------------------------------------------------ CSV

	@Test
	void updatesBasicAttributesFromCsvAndPublishesANewVersionOfChangedItemsOnly() {
		String code = testCode();
		this.administration.saveItemDraft(anItem(code, "CSV测试事项"), "admin1");
		int version = this.administration.publishItem(code, "admin1").version();
		String line = this.administration.exportItemsCsv()
			.lines()
			.filter((row) -> row.startsWith(code + ","))
			.findFirst()
			.orElseThrow();
		String header = String.join(",", CatalogueFiles.CSV_COLUMNS);

		ImportReport report = this.administration.importItemsCsv("items.csv",
				new StringReader(header + "\n" + line.replace(",10,2,", ",10,1,") + "\n"), "admin1");

		assertThat(report.itemsPublished()).isEqualTo(1);
		assertThat(this.catalogue.item(code).version()).isEqualTo(version + 1);
		assertThat(this.catalogue.item(code).content().committedLimit()).isEqualTo(1);
	}

	@Test
	void refusesACsvWithMistakesNamingLineAndColumnAndChangesNothing() {
		String header = String.join(",", CatalogueFiles.CSV_COLUMNS);
		String csv = header + "\n" + "339900-NR-001,存量房买卖转移登记,nr,30,1,both,0,false,true,9\n"
				+ "339900-NR-002,不动产抵押权注销登记,nr,30,40,both,0,false,true,5\n" + "NO-SUCH,不存在,nr,1,1,both,0,false,true,1\n"
				+ "339900-TAX-001,存量房交易税费申报缴纳,tax,x,0,somewhere,0,maybe,true,6\n";
		Versioned<ServiceItem> before = this.catalogue.item("339900-NR-002");

		assertThat(problemsOf(() -> this.administration.importItemsCsv("items.csv", new StringReader(csv), "admin1")))
			.extracting((problem) -> problem.line() + " " + problem.field())
			.containsExactly("3 line 3.limits.committed", "4 line 4.code", "5 line 5.statutoryLimit",
					"5 line 5.channels", "5 line 5.onTheSpot");
		assertThat(this.catalogue.item("339900-NR-002")).isEqualTo(before);
	}

	// ------------------------------------------------------------------ search

	@Test
	void findsGuidesInCitizensOwnWords() {
		assertThat(firstCodes("卖房", 2)).contains("flat-transfer");
		assertThat(firstCodes("二手房过户", 2)).contains("flat-transfer");
		assertThat(firstCodes("开公司", 2)).contains("business-startup");
		assertThat(firstCodes("办营业执照", 3)).contains("business-startup");
		assertThat(firstCodes("生孩子", 2)).contains("newborn");
		assertThat(firstCodes("开饭店", 2)).contains("restaurant");
		assertThat(firstCodes("还清房贷", 1)).containsExactly("339900-NR-002");
		assertThat(firstCodes("339900-POLICE-003", 1)).containsExactly("339900-POLICE-003");
	}

	@Test
	void answersAQueryThatMatchesNothingWithNothing() {
		assertThat(this.catalogue.search("量子纠缠", 10)).isEmpty();
		assertThat(this.catalogue.search("   ", 10)).isEmpty();
	}

	private List<String> firstCodes(String query, int count) {
		return this.catalogue.search(query, count).stream().limit(count).map(SearchHit::code).toList();
	}

	// ------------------------------------------------------------------ API and pages

	@Test
	void servesAGuideWithHowEachMaterialIsObtained() {
		HttpResponse<String> response = this.visitor.get("/api/v1/items/339900-NR-001");

		JsonNode guide = OneVisitHttp.json(response);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(guide.path("limits").path("committed").asInt()).isEqualTo(1);
		assertThat(guide.path("form").path("properties").path("sellerId").path("format").asString())
			.isEqualTo("resident-id");
		assertThat(guide.path("form").path("required")).extracting(JsonNode::asString).contains("sellerId", "price");
		// the bounds the filing is checked against, as the catalogue sets them for the
		// field
		assertThat(guide.path("form").path("properties").path("price").path("minimum").asInt()).isEqualTo(1);
		assertThat(guide.path("form").path("properties").path("price").path("maximum").asLong())
			.isEqualTo(10_000_000_000L);
		JsonNode household = find(guide.path("materials"), "household-register");
		assertThat(household.path("source").asString()).isEqualTo("SHARED_DATA");
		assertThat(household.path("dataElement").asString()).isEqualTo("population.household");
		assertThat(household.path("howObtained").asString()).isEqualTo("免提交：由系统从公安人口信息库获取");
	}

	@Test
	void servesABundleWithOneFormAndEachMaterialOnce() {
		HttpResponse<String> response = this.visitor.get("/api/v1/bundles/flat-transfer");

		JsonNode bundle = OneVisitHttp.json(response);
		assertThat(bundle.path("items")).extracting((item) -> item.path("department").asString())
			.containsExactly("housing", "tax", "nr");
		assertThat(bundle.path("form").path("properties").path("sellerId").path("x-onevisit-maps").size()).isEqualTo(3);
		List<String> codes = bundle.path("materials").valueStream().map((m) -> m.path("code").asString()).toList();
		assertThat(codes).doesNotHaveDuplicates().contains("seller-identity", "sale-contract");
		assertThat(find(bundle.path("materials"), "seller-identity").path("neededBy")).hasSize(3);
		assertThat(bundle.path("materials").valueStream().map((m) -> m.path("source").asString()))
			.doesNotContain(MaterialSource.UPLOAD.name());
	}

	@Test
	void answersAnUnknownItemWithAProblem() {
		HttpResponse<String> response = this.visitor.get("/api/v1/items/NO-SUCH-ITEM");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(OneVisitHttp.json(response).path("code").asString()).isEqualTo("item_not_found");
		// the title names the kind of problem; the specifics are in the detail
		assertThat(OneVisitHttp.json(response).path("title").asString()).isEqualTo("未找到");
		assertThat(OneVisitHttp.json(response).path("detail").asString()).contains("NO-SUCH-ITEM")
			.doesNotContain("{0}");
	}

	@Test
	void searchesThroughTheApiRankingTheBundleFirst() {
		HttpResponse<String> response = this.visitor
			.get("/api/v1/items?q=" + URLEncoder.encode("卖房", StandardCharsets.UTF_8));

		JsonNode hits = OneVisitHttp.json(response);
		assertThat(hits.get(0).path("kind").asString()).isEqualTo("BUNDLE");
		assertThat(hits.get(0).path("code").asString()).isEqualTo("flat-transfer");
	}

	@Test
	void computesTheIndicatorsFromThePublishedItems() {
		List<ServiceItem> items = this.catalogue.publishedItems();
		long before = items.stream().mapToLong(ServiceItem::materialsBefore).sum();
		long toUpload = items.stream().mapToLong(ServiceItem::materialsToUpload).sum();
		long online = items.stream().filter((item) -> item.channels().online()).count();

		CatalogueIndicators indicators = this.catalogue.indicators();

		assertThat(indicators.items()).isEqualTo(items.size());
		assertThat(indicators.materialsBefore()).isEqualTo(before);
		assertThat(indicators.materialsToUpload()).isEqualTo(toUpload);
		assertThat(indicators.materialsCutShare()).isCloseTo(100.0 * (before - toUpload) / before,
				org.assertj.core.data.Offset.offset(0.05));
		assertThat(indicators.onlineShare()).isCloseTo(100.0 * online / items.size(),
				org.assertj.core.data.Offset.offset(0.05));
		assertThat(OneVisitHttp.json(this.visitor.get("/api/v1/catalogue/indicators")).path("items").asInt())
			.isEqualTo(indicators.items());
	}

	@Test
	void showsGuidePagesInChineseWithTheSourceOfEachMaterial() {
		String item = this.visitor.get("/guides/items/339900-NR-001").body();
		String bundle = this.visitor.get("/guides/bundles/newborn").body();
		String search = this.visitor.get("/guides?q=" + URLEncoder.encode("生孩子", StandardCharsets.UTF_8)).body();
		String partial = this.visitor
			.get("/guides?q=" + URLEncoder.encode("开公司", StandardCharsets.UTF_8), "HX-Request", "true")
			.body();

		assertThat(item).contains("存量房买卖转移登记", "免提交：由系统从民政婚姻登记信息库获取", "已取消：首次登记时已存档，不再重复提交");
		assertThat(bundle).contains("出生一件事", "出生医学证明签发", "示范市医疗保障局");
		assertThat(search).contains("出生一件事");
		assertThat(partial).contains("企业开办一件事").doesNotContain("<html");
		assertThat(this.visitor.get("/catalogue/indicators").body()).contains("材料精简率");
	}

	@Test
	void bundlesCombineItemsOfSeveralDepartments() {
		for (Bundle bundle : this.catalogue.publishedBundles()) {
			if (bundle.code().equals("mortgage-payoff")) {
				// 还贷+抵押注销: its other half is the bank's, which files it; one department
				continue;
			}
			assertThat(this.catalogue.itemsOf(bundle).stream().map(ServiceItem::departmentCode).distinct().count())
				.as(bundle.code())
				.isGreaterThanOrEqualTo(2);
		}
	}

	private static JsonNode find(JsonNode materials, String code) {
		return materials.valueStream()
			.filter((material) -> material.path("code").asString().equals(code))
			.findFirst()
			.orElseThrow();
	}

	// ------------------------------------------------------------------ implementations

	static String anImplementation(String basic, String county, String material) {
		return """
				code: %s-%s
				name: 测试资料查询
				department: nr-%s
				region: "%s"
				basic: %s
				legalBasis: [《测试办法》第一条]
				limits: {statutory: 5, committed: 2}
				channels: both
				visits: 0
				materialsBefore: 1
				form:
				  - {name: applicantId, label: 查询人身份证号码, type: residentId, required: true}
				parties:
				  - {field: applicantId, role: applicant, confirms: onlineOrHall}
				materials:
				  - {code: %s, name: 查询申请书, source: upload}
				""".formatted(county, basic, county, county, basic, material);
	}

	@Test
	void refusesToPublishAnImplementationThatNowDiffersFromAnotherRegionsWhereTheProvinceFixesIt() {
		String basic = testCode();
		String file = """
				basicItems:
				  - {code: %s, name: 测试资料查询, legalBasis: [《测试办法》第一条], fixed: [materials, form]}
				items:
				  - %s
				""".formatted(basic, anImplementation(basic, "339902", "query-form").strip().replace("\n", "\n    "));
		this.administration.importCatalogue("basic.yaml", new StringReader(file), "admin1");
		this.administration.saveItemDraft(anImplementation(basic, "339903", "query-form"), "admin1");
		// meanwhile 东湖区 asks for another material: 西山区's draft no longer agrees with it
		this.administration.importCatalogue("changed.yaml",
				new StringReader(file.replace("code: query-form", "code: local-form")), "admin1");

		assertThatThrownBy(() -> this.administration.publishItem("339903-" + basic, "admin1")).isInstanceOfSatisfying(
				CatalogueInvalid.class,
				(invalid) -> assertThat(invalid.problems()).singleElement().satisfies((problem) -> {
					assertThat(problem.field()).isEqualTo("item.materials");
					assertThat(problem.message()).contains("339902-" + basic);
				}));
		assertThatThrownBy(() -> this.administration.saveItemDraft(
				anImplementation(basic, "339903", "query-form").replace("committed: 2", "committed: 3"), "admin1"))
			.isInstanceOf(CatalogueInvalid.class);
		assertThat(this.catalogue.publishedItems()).extracting(ServiceItem::code).doesNotContain("339903-" + basic);
	}

	@Test
	void anImplementationsGuideNamesTheRegionDepartmentAndHallThatHandleIt() {
		String county = this.visitor.get("/guides/items/339903-NR-006").body();
		String city = this.visitor.get("/guides/items/339900-NR-001").body();

		assertThat(county).contains("办理地点", "西山区 · 西山区不动产登记服务中心 · 示范市西区便民服务中心");
		assertThat(city).contains("示范市 · 示范市自然资源和规划局（不动产登记中心） · 示范市政务服务中心");
	}

	@Test
	void reportsWhereTheCountiesImplementationsDifferThroughTheApi() {
		String admin = this.visitor.bearerToken("admin1", "onevisit-demo");

		HttpResponse<String> response = this.visitor.get("/api/v1/admin/catalogue/differences", "Authorization",
				"Bearer " + admin);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode differences = OneVisitHttp.json(response);
		assertThat(differences.valueStream()
			.filter((difference) -> difference.path("basicCode").asString().equals("NR-006"))
			.map((difference) -> difference.path("field").asString() + " " + difference.path("otherItemCode").asString()
					+ " " + difference.path("allowed").asBoolean())
			.toList()).containsExactlyInAnyOrder("KEYWORDS 339903-NR-006 true", "KEYWORDS 339903-NR-006 true");
	}

	private long revision() {
		return this.jdbc.sql("select revision from catalog_revision").query(Long.class).single();
	}

	private int count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

}
