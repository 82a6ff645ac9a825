package org.onevisit.catalog.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.CatalogueDocument;
import org.onevisit.catalog.Department;
import org.onevisit.catalog.LicenceType;
import org.onevisit.catalog.SearchHit;
import org.onevisit.catalog.ServiceItem;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How well the search finds what citizens mean: the queries of
 * {@code search/queries.tsv}, as people type them (simplified, traditional, pinyin,
 * initials, typos, everyday words), against the demo catalogue and the shipped synonyms.
 * A query counts as found when its expected entry is among the first three answers.
 */
class SearchQualityTests {

	private static final String CITY = "339900-";

	private static CatalogueSearch search;

	private static Set<String> codes;

	@BeforeAll
	static void indexTheDemoCatalogue() throws IOException {
		List<LicenceType> types = DemoCatalogue.licenceTypes();
		CatalogueDocument demo = DemoCatalogue.read(LicenceTypeRulesTests.knowing(types));
		Map<String, String> departments = demo.departments()
			.stream()
			.collect(Collectors.toMap(Department::code, Department::name));
		search = new CatalogueSearch(0);
		search.rebuild(demo.items(), demo.bundles(), departments::get,
				Synonyms.read(new ClassPathResource("catalog/synonyms.txt")));
		codes = Stream.concat(demo.items().stream().map(ServiceItem::code), demo.bundles().stream().map(Bundle::code))
			.collect(Collectors.toSet());
	}

	@Test
	void findsWhatCitizensMeanInTheFirstThreeAnswersForAtLeastNineQueriesInTen() throws IOException {
		List<Query> queries = queries();
		Map<String, int[]> byKind = new TreeMap<>();
		List<String> misses = new ArrayList<>();

		for (Query query : queries) {
			List<String> answers = search.search(query.text(), 3).stream().map(SearchHit::code).toList();
			boolean found = answers.stream().anyMatch(query.expected()::contains);
			int[] counts = byKind.computeIfAbsent(query.kind(), (kind) -> new int[2]);
			counts[0]++;
			if (found) {
				counts[1]++;
			}
			else {
				misses.add(query.kind() + "\t" + query.text() + "\texpected " + query.expected() + "\tgot " + answers);
			}
		}

		int found = queries.size() - misses.size();
		double accuracy = 100.0 * found / queries.size();
		System.out.printf("SEARCH QUALITY top-3 accuracy %.1f %% (%d of %d queries)%n", accuracy, found,
				queries.size());
		byKind.forEach((kind, counts) -> System.out.printf("SEARCH QUALITY %-12s %5.1f %% (%d of %d)%n", kind,
				100.0 * counts[1] / counts[0], counts[1], counts[0]));
		misses.forEach((miss) -> System.out.println("SEARCH QUALITY miss " + miss));
		assertThat(queries).hasSizeGreaterThanOrEqualTo(200);
		assertThat(accuracy).as("top-3 accuracy, misses: %s", misses).isGreaterThanOrEqualTo(90.0);
	}

	@Test
	void expectsOnlyEntriesTheDemoCatalogueHas() throws IOException {
		List<String> unknown = queries().stream()
			.flatMap((query) -> query.expected().stream())
			.filter((code) -> !codes.contains(code))
			.distinct()
			.toList();

		assertThat(unknown).isEmpty();
	}

	@Test
	void keepsAnExactMatchAheadOfOneThatOnlySoundsLikeIt() {
		List<String> answers = search.search("离婚登记", 3).stream().map(SearchHit::code).toList();

		assertThat(answers).as(answers.toString()).first().isEqualTo(CITY + "CIVIL-002");
	}

	private record Query(String text, List<String> expected, String kind) {
	}

	private static List<Query> queries() throws IOException {
		String file = new String(new ClassPathResource("search/queries.tsv").getInputStream().readAllBytes(),
				StandardCharsets.UTF_8);
		return file.lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("query\t"))
			.map((line) -> line.split("\t"))
			.map((columns) -> new Query(columns[0],
					Arrays.stream(columns[1].split("\\|"))
						.map((code) -> code.contains("-") && !code.startsWith("flat") && !code.contains("restaurant")
								&& !code.startsWith("business") ? CITY + code : code)
						.toList(),
					columns[2]))
			.toList();
	}

}
