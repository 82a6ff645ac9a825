package org.onevisit.catalog.internal;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onevisit.catalog.CatalogueInvalid;
import org.onevisit.catalog.CatalogueProblem;
import org.onevisit.catalog.LicenceType;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Licence types and the items that issue them, as the catalogue loads them. */
class LicenceTypeRulesTests {

	static final String TYPES = """
			licenceTypes:
			  - name: 测试许可证
			    code: test-permit
			    validity: P2Y
			    holder: [ownerCode]
			    fields:
			      - {name: venue, label: 场所, from: [venueName, shopName]}
			      - {name: note, label: 备注, required: false, from: [note]}
			""";

	static CatalogueRules.Context knowing(List<LicenceType> types) {
		Map<String, LicenceType> byName = new LinkedHashMap<>();
		types.forEach((type) -> byName.put(type.name(), type));
		return new CatalogueRules.Context() {
			@Override
			public boolean departmentExists(String code) {
				return true;
			}

			@Override
			public boolean regionExists(String code) {
				return true;
			}

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

	@Test
	void readsTheDemoCitysLicenceTypesAndEveryDemoItemFillsItsLicence() throws Exception {
		List<LicenceType> types;
		try (var reader = new InputStreamReader(new ClassPathResource("catalog/licence-types.yaml").getInputStream(),
				StandardCharsets.UTF_8)) {
			types = CatalogueYaml.readLicenceTypes("licence-types.yaml", reader);
		}
		assertThat(types).extracting(LicenceType::name).contains("不动产权证书", "营业执照", "食品经营许可证", "出生医学证明");
		try (var reader = new InputStreamReader(new ClassPathResource("catalog/demo/catalogue.yaml").getInputStream(),
				StandardCharsets.UTF_8)) {
			assertThat(CatalogueYaml.read("catalogue.yaml", reader, knowing(types)).items()).isNotEmpty();
		}
	}

	@Test
	void anItemIssuingAnUnknownLicenceTypeIsRefused() {
		List<LicenceType> types = CatalogueYaml.readLicenceTypes("types.yaml", new StringReader(TYPES));

		assertThatThrownBy(() -> CatalogueYaml.readItem("item.yaml",
				new StringReader(item("不存在的证", "  - {name: venueName, label: 场所名称, type: string, required: true}")),
				knowing(types)))
			.isInstanceOfSatisfying(CatalogueInvalid.class,
					(invalid) -> assertThat(invalid.problems()).extracting(CatalogueProblem::message)
						.containsExactly("unknown licence type 不存在的证"));
	}

	@Test
	void anItemWhoseFormCannotFillARequiredLicenceFieldIsRefused() {
		List<LicenceType> types = CatalogueYaml.readLicenceTypes("types.yaml", new StringReader(TYPES));

		assertThatThrownBy(() -> CatalogueYaml.readItem("item.yaml",
				new StringReader(item("测试许可证", "  - {name: ownerCode, label: 代码, type: string, required: true}")),
				knowing(types)))
			.isInstanceOfSatisfying(CatalogueInvalid.class, (invalid) -> assertThat(invalid.problems())
				.extracting(CatalogueProblem::message)
				.containsExactlyInAnyOrder(
						"the form fills no field for the licence's 场所 (venue); one of [venueName, shopName] is needed",
						"the licence holder field ownerCode is not a resident ID or credit code"));
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
		assertThatThrownBy(() -> CatalogueYaml.readLicenceTypes("types.yaml", new StringReader("""
				licenceTypes:
				  - name: 坏证
				    code: bad
				    validity: five years
				    fields:
				      - {name: x, label: X}
				"""))).isInstanceOfSatisfying(CatalogueInvalid.class,
				(invalid) -> assertThat(invalid.problems()).extracting(CatalogueProblem::line, CatalogueProblem::field)
					.containsExactly(org.assertj.core.groups.Tuple.tuple(4, "licenceTypes[0].validity"),
							org.assertj.core.groups.Tuple.tuple(6, "licenceTypes[0].fields[0].from")));
	}

}
