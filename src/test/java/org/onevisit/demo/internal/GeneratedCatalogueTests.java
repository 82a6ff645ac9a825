package org.onevisit.demo.internal;

import java.io.StringReader;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.CatalogueAdministration;
import org.onevisit.catalog.CatalogueAdministration.ImportReport;
import org.onevisit.catalog.Directory;
import org.onevisit.catalog.ImplementationDifference;
import org.onevisit.catalog.Region;
import org.onevisit.catalog.RegionLevel;
import org.onevisit.catalog.ServiceItem;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's catalogue of real size, generated at start: at least 1,500 implementations
 * across the five levels, and publishing, import, indicators, search and the differences
 * report still quick at that size. Its own context (the generated catalogue switched on),
 * so no other test's database carries it.
 */
@SpringBootTest(properties = "onevisit.demo-catalogue.generated=true")
class GeneratedCatalogueTests {

	@Autowired
	Catalogue catalogue;

	@Autowired
	CatalogueAdministration administration;

	@Autowired
	Directory directory;

	@Test
	void theDemoShipsMoreThanFifteenHundredImplementationsAcrossTheFiveLevels() {
		Map<String, RegionLevel> levels = this.directory.regions()
			.stream()
			.collect(Collectors.toMap(Region::code, Region::level));

		List<ServiceItem> implementations = this.catalogue.publishedItems()
			.stream()
			.filter(ServiceItem::implementsBasicItem)
			.toList();
		Map<RegionLevel, Long> byLevel = implementations.stream()
			.collect(Collectors.groupingBy((item) -> levels.get(item.regionCode()),
					() -> new EnumMap<>(RegionLevel.class), Collectors.counting()));

		assertThat(implementations).hasSizeGreaterThanOrEqualTo(1_500);
		assertThat(byLevel).containsOnlyKeys(RegionLevel.CITY, RegionLevel.COUNTY, RegionLevel.TOWNSHIP,
				RegionLevel.VILLAGE);
		assertThat(this.directory.regions()).extracting(Region::level).containsAll(List.of(RegionLevel.values()));
		System.out.println("Generated catalogue by level: " + byLevel);
	}

	@Test
	void staysQuickAtThatSize() throws Exception {
		String text = GeneratedCatalogue.yaml();
		String changed = text.replaceFirst(
				"(code: 339902011-G-TW-101\\n(?:.*\\n)*?    limits: \\{statutory: 15, committed: )\\d+", "$1" + "14");

		long importAgain = timed("import of the whole generated catalogue, unchanged",
				() -> this.administration.importCatalogue("again.yaml", new StringReader(text), "test"));
		ImportReport report = this.administration.importCatalogue("again.yaml", new StringReader(text), "test");
		// the same entries in another text: read and compared in full, nothing written
		ImportReport reread = this.administration.importCatalogue("reworded.yaml",
				new StringReader("# reworded\n" + text), "test");
		long importReworded = timed("import of the same entries in another text (read and compared in full)",
				() -> this.administration.importCatalogue("reworded.yaml", new StringReader("# again\n" + text),
						"test"));
		long indicators = timed("indicators", () -> this.catalogue.indicators());
		long search = timed("search", () -> this.catalogue.search("最低生活保障", 10));
		long differences = timed("differences report", () -> this.administration.differences());
		long publishOne = timed("import publishing one changed implementation",
				() -> this.administration.importCatalogue("one.yaml", new StringReader(changed), "test"));
		List<ImplementationDifference> found = this.administration.differences();

		assertThat(report.itemsPublished()).isZero();
		assertThat(reread.itemsPublished()).isZero();
		assertThat(reread.itemsUnchanged()).isEqualTo(report.itemsUnchanged());
		assertThat(found).isNotEmpty().allSatisfy((difference) -> assertThat(difference.allowed()).isTrue());
		assertThat(this.catalogue.item("339902011-G-TW-101").content().committedLimit()).isEqualTo(14);
		// bounds a loaded two-core machine keeps; the measured times are printed for the
		// report
		assertThat(importAgain).isLessThan(60_000);
		assertThat(importReworded).isLessThan(60_000);
		assertThat(publishOne).isLessThan(60_000);
		assertThat(indicators).isLessThan(5_000);
		assertThat(search).isLessThan(2_000);
		assertThat(differences).isLessThan(10_000);
	}

	private static long timed(String what, Supplier<?> action) {
		long started = System.nanoTime();
		action.get();
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println("Generated catalogue timing: " + what + ": " + millis + " ms");
		return millis;
	}

}
