package org.onevisit.catalog.internal;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onevisit.catalog.CatalogueProblem;
import org.onevisit.catalog.LicenceType;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onevisit.catalog.internal.CatalogueRefusals.problemsOf;

/** Licence types and the items that issue them, as the catalogue loads them. */
class LicenceTypeRulesTests {

	static final String TYPES = """
			licenceTypes:
			  - name: 测试许可证
			    code: test-permit
			    validity: P2Y
			    holder: [ownerCode]
			    number: {sequence: "测许〔{year}〕第{seq:4}号"}
			    fields:
			      - {name: venue, label: 场所, from: [venueName, shopName]}
			      - {name: note, label: 备注, required: false, from: [note]}
			  - name: 测试产权证
			    code: test-title
			    holder: {each: [ownerId, partnerId]}
			    number: {field: titleNo}
			    fields:
			      - {name: titleNo, label: 证号, from: [result:certificateNo]}
			      - {name: area, label: 面积, type: area, unit: m², from: [result:area, area]}
			""";

	static CatalogueRules.Context knowing(List<LicenceType> types) {
		Map<String, LicenceType> byName = new LinkedHashMap<>();
		types.forEach((type) -> byName.put(type.name(), type));
		return new DemoCatalogue.KnowingEverything() {
			@Override
			public Map<String, LicenceType> licenceTypes() {
				return byName;
			}
		};
	}

	static String item(String licence, String formFields) {
		return """
				code: T-300
				name: 发证测试
				department: samr
				region: "339900"
				limits: {statutory: 10, committed: 5}
				channels: both
				visits: 0
				materialsBefore: 1
				licence: %s
				form:
				%s
				""".formatted(licence, formFields);
	}

	static String writingItem(String licence, String writes, String formFields) {
		String parties = formFields.lines()
			.map((line) -> line.replaceAll(".*name: (\\w+),.*", "  - {field: $1, role: holder}"))
			.collect(java.util.stream.Collectors.joining("\n"));
		return item(licence, formFields).replace("licence: ", "writes: [" + writes + "]\nlicence: ") + "parties:\n"
				+ parties + "\n";
	}

	@Test
	void readsTheDemoCitysLicenceTypesAndEveryDemoItemFillsItsLicence() throws Exception {
		List<LicenceType> types = DemoCatalogue.licenceTypes();
		assertThat(types).extracting(LicenceType::name).contains("不动产权证书", "营业执照", "食品经营许可证", "出生医学证明");
		assertThat(DemoCatalogue.read(knowing(types)).items()).isNotEmpty();
	}

	@Test
	void anItemIssuingAnUnknownLicenceTypeIsRefused() {
		List<LicenceType> types = CatalogueYaml.readLicenceTypes("types.yaml", new StringReader(TYPES));

		assertThat(problemsOf(() -> CatalogueYaml.readItem("item.yaml",
				new StringReader(item("不存在的证", "  - {name: venueName, label: 场所名称, type: string, required: true}")),
				knowing(types))))
			.extracting(CatalogueProblem::message)
			.containsExactly("unknown licence type 不存在的证");
	}

	@Test
	void anItemWhoseFormCannotFillARequiredLicenceFieldIsRefused() {
		List<LicenceType> types = CatalogueYaml.readLicenceTypes("types.yaml", new StringReader(TYPES));

		assertThat(problemsOf(() -> CatalogueYaml.readItem("item.yaml",
				new StringReader(item("测试许可证", "  - {name: ownerCode, label: 代码, type: string, required: true}")),
				knowing(types))))
			.extracting(CatalogueProblem::message)
			.containsExactlyInAnyOrder(
					"licence type 测试许可证 requires 场所 (venue), which the item fills from none of"
							+ " [venueName, shopName] (its form, its writes' results or a registry read for a"
							+ " field of its form)",
					"the licence's holder needs a person or business, but field ownerCode is not a resident ID or"
							+ " credit code");
		assertThat(
				CatalogueYaml
					.readItem("item.yaml",
							new StringReader(
									item("测试许可证", "  - {name: shopName, label: 店名, type: string, required: true}")),
							knowing(types))
					.licenceType())
			.isEqualTo("测试许可证");
	}

	@Test
	void refusesABadValidityAndAFieldWithoutSource() {
		assertThat(problemsOf(() -> CatalogueYaml.readLicenceTypes("types.yaml", new StringReader("""
				licenceTypes:
				  - name: 坏证
				    code: bad
				    validity: five years
				    fields:
				      - {name: x, label: X}
				    number: {field: x}
				""")))).extracting(CatalogueProblem::line, CatalogueProblem::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4, "licenceTypes[0].validity"),
					org.assertj.core.groups.Tuple.tuple(6, "licenceTypes[0].fields[0].from"));
	}

	@Test
	void aWriteBacksResultsFillALicenceOnlyForAnItemThatWritesBack() {
		List<LicenceType> types = CatalogueYaml.readLicenceTypes("types.yaml", new StringReader(TYPES));
		String parties = """
				- {name: ownerId, label: 买方, type: residentId, required: true}
				- {name: partnerId, label: 共有人, type: residentId, required: true}""";

		assertThat(CatalogueYaml
			.readItem("item.yaml", new StringReader(writingItem("测试产权证", "propertyTransfer", parties)), knowing(types))
			.licenceType()).isEqualTo("测试产权证");
		assertThat(problemsOf(() -> CatalogueYaml.readItem("item.yaml",
				new StringReader(writingItem("测试产权证", "marriageRegistration", parties)), knowing(types))))
			.extracting(CatalogueProblem::line, CatalogueProblem::message)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(10,
							"licence type 测试产权证 requires 证号 (titleNo), which the item fills from none of"
									+ " [result:certificateNo] (its form, its writes' results or a registry read for a"
									+ " field of its form)"),
					org.assertj.core.groups.Tuple.tuple(10,
							"licence type 测试产权证 requires 面积 (area), which the item fills from none of"
									+ " [result:area, area] (its form, its writes' results or a registry read"
									+ " for a field of its form)"));
	}

	@Test
	void aLicenceForEachPartyNeedsTheFormToNameThemAll() {
		List<LicenceType> types = CatalogueYaml.readLicenceTypes("types.yaml", new StringReader(TYPES));

		assertThat(problemsOf(() -> CatalogueYaml.readItem("item.yaml",
				new StringReader(writingItem("测试产权证", "propertyTransfer",
						"  - {name: ownerId, label: 买方, type: residentId, required: true}")),
				knowing(types))))
			.extracting(CatalogueProblem::message)
			.containsExactly("licence type 测试产权证 is issued to each of [ownerId, partnerId];"
					+ " the item's form names fewer than two of them");
	}

	@Test
	void refusesASourceOutsideTheSyntaxAndATypeWithoutLegalNumber() {
		assertThat(problemsOf(() -> CatalogueYaml.readLicenceTypes("types.yaml", new StringReader("""
				licenceTypes:
				  - name: 坏证
				    code: bad
				    fields:
				      - {name: x, label: X, from: ["registry:population.identity"]}
				""")))).extracting(CatalogueProblem::line, CatalogueProblem::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(5, "licenceTypes[0].fields[0].from[0]"));
		assertThat(problemsOf(() -> CatalogueYaml.readLicenceTypes("types.yaml", new StringReader("""
				licenceTypes:
				  - name: 无号证
				    code: unnumbered
				    fields:
				      - {name: x, label: X, required: false, from: [x]}
				    number: {field: x}
				""")))).extracting(CatalogueProblem::message)
			.containsExactly("without a sequence, the field x holding the legal number must be required");
	}

	@Test
	void theDemoTypesPrintCapitalInTenThousandYuanAndHoldTheBusinessLicenceByTheNewCreditCode() throws Exception {
		List<LicenceType> types;
		try (var reader = new InputStreamReader(new ClassPathResource("catalog/licence-types.yaml").getInputStream(),
				StandardCharsets.UTF_8)) {
			types = CatalogueYaml.readLicenceTypes("licence-types.yaml", reader);
		}
		LicenceType business = types.stream().filter((type) -> type.name().equals("营业执照")).findFirst().orElseThrow();
		LicenceType marriage = types.stream().filter((type) -> type.name().equals("结婚证")).findFirst().orElseThrow();

		assertThat(business.field("capital").orElseThrow().unit()).isEqualTo("万元");
		assertThat(business.field("capital").orElseThrow().label()).isEqualTo("注册资本");
		assertThat(business.holder().from().get(0)).hasToString("result:creditCode");
		assertThat(business.number().field()).isEqualTo("creditCode");
		assertThat(marriage.holder().each()).isTrue();
	}

}
