package org.onevisit.catalog.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.onevisit.catalog.BasicItem;
import org.onevisit.catalog.CatalogueDocument;
import org.onevisit.catalog.ImplementationDifference;
import org.onevisit.catalog.ImplementationField;
import org.onevisit.catalog.Region;
import org.onevisit.catalog.RegionLevel;
import org.onevisit.catalog.ServiceItem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onevisit.catalog.internal.CatalogueRefusals.problemsOf;

/**
 * Five levels of regions, the province's basic catalogue (基本目录) and the regions'
 * implementations of it (实施清单), with 同一事项无差别 checked at load.
 */
class ImplementationListTests {

	static final String REGIONS = """
			regions:
			  - {code: "330000", name: 浙江省, level: province}
			  - {code: "339900", name: 示范市, level: city, parent: "330000"}
			  - {code: "339902", name: 东湖区, level: county, parent: "339900"}
			  - {code: "339903", name: 西山区, level: county, parent: "339900"}
			departments:
			  - {code: civil, name: 示范市民政局, region: "339900", creditCode: 11339900MB000006XF}
			  - {code: civil-339902, name: 东湖区民政局, region: "339902", creditCode: 11339902MB00002031}
			  - {code: civil-339903, name: 西山区民政局, region: "339903", creditCode: 11339903MB0000211A}
			basicItems:
			  - code: CIVIL-009
			    name: 测试津贴申领
			    legalBasis: [《测试条例》第一条]
			    fixed: [materials, fees]
			    bounds: {committed: 10, fee: "20"}
			""";

	static String implementation(String region, String department, int committed, String fee, String material) {
		return """
				  - code: %s-CIVIL-009
				    name: 测试津贴申领
				    department: %s
				    region: "%s"
				    basic: CIVIL-009
				    legalBasis: [《测试条例》第一条]
				    fees:
				      - {name: 工本费, amount: "%s", unit: 件, basis: 《测试收费文件》}
				    limits: {statutory: 20, committed: %d}
				    channels: both
				    visits: 0
				    materialsBefore: 2
				    materials:
				      - {code: %s, name: 证明材料, source: upload}
				""".formatted(region, department, region, fee, committed, material);
	}

	/** A catalogue that holds no basic item yet: the file's own are all there are. */
	static final CatalogueRules.Context NO_BASIC_ITEMS = new CatalogueRules.Context() {
		@Override
		public Map<String, BasicItem> basicItems() {
			return Map.of();
		}
	};

	static CatalogueDocument read(String text) {
		return CatalogueYaml.read("regions.yaml", new StringReader(text), NO_BASIC_ITEMS);
	}

	@Test
	void theDemoProvinceHasAllFiveLevelsEachRegionOneLevelBelowItsParent() throws IOException {
		CatalogueDocument seed = CatalogueYamlTests.seed();
		Map<String, Region> regions = seed.regions()
			.stream()
			.collect(Collectors.toMap(Region::code, Function.identity()));

		assertThat(seed.regions()).extracting(Region::level).containsAll(List.of(RegionLevel.values()));
		assertThat(seed.regions()).filteredOn((region) -> region.level() == RegionLevel.COUNTY).hasSizeGreaterThan(1);
		assertThat(seed.regions()).filteredOn((region) -> region.parentCode() != null)
			.allSatisfy((region) -> assertThat(regions.get(region.parentCode()).level().ordinal())
				.isEqualTo(region.level().ordinal() - 1));
		assertThat(seed.regions()).filteredOn((region) -> region.level() == RegionLevel.VILLAGE)
			.allSatisfy((village) -> assertThat(village.code()).hasSize(12).startsWith(village.parentCode()));
	}

	@Test
	void everyHandWrittenItemImplementsABasicItemOfTheProvinceUnderItsOwnCode() throws IOException {
		CatalogueDocument seed = CatalogueYamlTests.seed();
		Map<String, BasicItem> basics = seed.basicItems()
			.stream()
			.collect(Collectors.toMap(BasicItem::code, Function.identity()));

		assertThat(seed.items()).allSatisfy((item) -> {
			assertThat(basics).containsKey(item.basicCode());
			assertThat(item.code()).isEqualTo(item.regionCode() + "-" + item.basicCode());
			assertThat(item.name()).isEqualTo(basics.get(item.basicCode()).name());
		});
		assertThat(seed.items()).filteredOn((item) -> "NR-006".equals(item.basicCode()))
			.extracting(ServiceItem::regionCode, ServiceItem::departmentCode, ServiceItem::hallCode)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("339900", "nr", "city"),
					org.assertj.core.groups.Tuple.tuple("339902", "nr-339902", "east"),
					org.assertj.core.groups.Tuple.tuple("339903", "nr-339903", "west"));
	}

	@Test
	void refusesARegionAtTheWrongLevelOrWhoseCodeDoesNotContinueItsParents() {
		String file = """
				regions:
				  - {code: "339900", name: 示范市, level: city}
				  - {code: "339902", name: 东湖区, level: county, parent: "339900"}
				  - {code: "339902001", name: 湖滨街道, level: township, parent: "339902"}
				  - {code: "339902002", name: 错挂街道, level: township, parent: "339902001"}
				  - {code: "339903002", name: 错位街道, level: township, parent: "339902"}
				  - {code: "339902002", name: 错级街道, level: village, parent: "339902"}
				""";

		assertThat(problemsOf(() -> read(file))).extracting((problem) -> problem.line() + " " + problem.field())
			.containsExactlyInAnyOrder("5 regions[3].level", "6 regions[4].code", "7 regions[5].code");
	}

	@Test
	void refusesAnImplementationThatDiffersWhereTheProvinceFixesItNamingTheFieldAndItsLine() {
		String file = REGIONS + "items:\n" + implementation("339902", "civil-339902", 5, "10", "proof")
				+ implementation("339903", "civil-339903", 5, "10", "local-proof");

		assertThat(problemsOf(() -> read(file))).extracting((problem) -> problem.line() + " " + problem.field())
			.containsExactlyInAnyOrder("30 items[0].materials", "44 items[1].materials");
	}

	@Test
	void letsRegionsDifferWhereTheProvinceAllowsItWithinItsBounds() {
		String file = REGIONS + "items:\n" + implementation("339902", "civil-339902", 3, "10", "proof")
				+ implementation("339903", "civil-339903", 10, "10", "proof");

		CatalogueDocument document = read(file);

		List<ImplementationDifference> differences = ImplementationDifferences.between(document.items(),
				document.basicItems());
		assertThat(differences).singleElement().satisfies((difference) -> {
			assertThat(difference.field()).isEqualTo(ImplementationField.COMMITTED_LIMIT);
			assertThat(difference.value()).isEqualTo("3");
			assertThat(difference.otherValue()).isEqualTo("10");
			assertThat(difference.allowed()).isTrue();
		});
	}

	@Test
	void refusesAnImplementationBeyondTheProvincesBoundsOrUnderAnotherName() {
		String file = REGIONS + "items:\n"
				+ implementation("339902", "civil-339902", 12, "30", "proof").replace("name: 测试津贴申领", "name: 别的名字");

		assertThat(problemsOf(() -> read(file))).extracting((problem) -> problem.field())
			.containsExactlyInAnyOrder("items[0].name", "items[0].limits.committed", "items[0].fees[0].amount");
	}

	@Test
	void refusesAnImplementationOfAnUnknownBasicItemOrCodedOutsideItsRegion() {
		String file = REGIONS + "items:\n"
				+ implementation("339902", "civil-339902", 5, "10", "proof").replace("code: 339902-CIVIL-009",
						"code: 339903-CIVIL-009")
				+ implementation("339903", "civil-339903", 5, "10", "proof").replace("basic: CIVIL-009",
						"basic: CIVIL-404");

		assertThat(problemsOf(() -> read(file))).extracting((problem) -> problem.field())
			.contains("items[0].code", "items[1].basic");
	}

	@Test
	void checksOnlyTheImplementationsAFileChangesButEachAgainstAllTheOthers() {
		CatalogueRules.Context published = publishedAs(
				read(REGIONS + "items:\n" + implementation("339902", "civil-339902", 5, "10", "proof")
						+ implementation("339903", "civil-339903", 5, "10", "proof")));
		// 西山区 asks for another material; 东湖区's implementation stays as published
		String file = REGIONS + "items:\n" + implementation("339902", "civil-339902", 5, "10", "proof")
				+ implementation("339903", "civil-339903", 5, "10", "local-proof");

		assertThat(problemsOf(() -> CatalogueYaml.read("regions.yaml", new StringReader(file), published)))
			.extracting((problem) -> problem.line() + " " + problem.field())
			.containsExactly("44 items[1].materials");
	}

	@Test
	void checksEveryImplementationAgainWhenTheFileChangesWhatItsBasicItemFixes() {
		String allowed = REGIONS.replace("fixed: [materials, fees]", "fixed: [fees]");
		String items = "items:\n" + implementation("339902", "civil-339902", 5, "10", "proof")
				+ implementation("339903", "civil-339903", 5, "10", "local-proof");
		CatalogueRules.Context published = publishedAs(read(allowed + items));

		// the province now fixes the materials: both published implementations,
		// unchanged, are
		// refused
		assertThat(problemsOf(() -> CatalogueYaml.read("regions.yaml", new StringReader(REGIONS + items), published)))
			.extracting((problem) -> problem.line() + " " + problem.field())
			.containsExactlyInAnyOrder("30 items[0].materials", "44 items[1].materials");
	}

	/** A catalogue that has published the document's basic items and items. */
	static CatalogueRules.Context publishedAs(CatalogueDocument document) {
		Map<String, BasicItem> basics = document.basicItems()
			.stream()
			.collect(Collectors.toMap(BasicItem::code, Function.identity()));
		return new CatalogueRules.Context() {
			@Override
			public boolean departmentExists(String code) {
				return document.departments().stream().anyMatch((department) -> department.code().equals(code));
			}

			@Override
			public boolean regionExists(String code) {
				return document.regions().stream().anyMatch((region) -> region.code().equals(code));
			}

			@Override
			public Map<String, BasicItem> basicItems() {
				return basics;
			}

			@Override
			public Optional<ServiceItem> publishedItem(String code) {
				return document.items().stream().filter((item) -> item.code().equals(code)).findFirst();
			}

			@Override
			public List<ServiceItem> publishedImplementations(String basicCode) {
				return document.items().stream().filter((item) -> basicCode.equals(item.basicCode())).toList();
			}
		};
	}

	@Test
	void theDemoReportShowsOnlyDifferencesTheProvinceAllows() throws IOException {
		CatalogueDocument seed = CatalogueYamlTests.seed();

		List<ImplementationDifference> differences = ImplementationDifferences.between(seed.items(), seed.basicItems());

		assertThat(differences).isNotEmpty().allSatisfy((difference) -> assertThat(difference.allowed()).isTrue());
		// the counties' keywords for 不动产登记资料查询, and 西山区's flat transfer without the
		// city's colloquial ones
		assertThat(differences).extracting(ImplementationDifference::basicCode).containsOnly("NR-001", "NR-006");
	}

}
