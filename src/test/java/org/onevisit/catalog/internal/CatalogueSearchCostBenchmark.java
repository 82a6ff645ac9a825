package org.onevisit.catalog.internal;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onevisit.benchmarks.CatalogueSearchBenchmark;
import org.onevisit.catalog.CatalogueDocument;
import org.onevisit.catalog.Department;
import org.onevisit.catalog.LicenceType;
import org.onevisit.catalog.ServiceItem;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one uncached search costs, in this process without HTTP or a database: the demo
 * catalogue and {@link CatalogueSearchBenchmark}'s generated items (5,000 in all), the
 * result cache off, the benchmark's query mix and its "every query different" queries, on
 * one thread and then on two. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=CatalogueSearchCostBenchmark}; with
 * {@code -Donevisit.search.jfr=true} it also records a JFR profile of the uncached
 * searches to {@code target/catalogue-search.jfr}. It prints its figures and asserts only
 * that the searches answered.
 */
@Tag("benchmark")
class CatalogueSearchCostBenchmark {

	private static final int ROUNDS = 20_000;

	@Test
	void measuresAnUncachedSearchOverFiveThousandItems() throws Exception {
		List<LicenceType> types = DemoCatalogue.licenceTypes();
		CatalogueDocument demo = DemoCatalogue.read(LicenceTypeRulesTests.knowing(types));
		int generated = CatalogueSearchBenchmark.CATALOGUE_SIZE - demo.items().size();
		CatalogueDocument more = CatalogueYaml.read("generated.yaml",
				new StringReader(CatalogueSearchBenchmark.generatedItems(generated)),
				LicenceTypeRulesTests.knowing(types));
		List<ServiceItem> items = Stream.concat(demo.items().stream(), more.items().stream()).toList();
		Map<String, String> departments = demo.departments()
			.stream()
			.collect(Collectors.toMap(Department::code, Department::name));
		CatalogueSearch search = new CatalogueSearch(0);
		long indexing = System.nanoTime();
		search.rebuild(items, demo.bundles(), (code) -> departments.getOrDefault(code, ""),
				Synonyms.read(new ClassPathResource("catalog/synonyms.txt")));
		System.out.printf("SEARCH COST %d items indexed in %.0f ms%n", items.size(),
				(System.nanoTime() - indexing) / 1e6);

		List<String> mix = CatalogueSearchBenchmark.queries();
		List<String> unique = new ArrayList<>();
		Random random = new Random(7);
		for (int i = 0; i < ROUNDS; i++) {
			unique.add(CatalogueSearchBenchmark.SUBJECTS[i % CatalogueSearchBenchmark.SUBJECTS.length] + " " + i + " "
					+ random.nextInt(1_000_000_000));
		}
		// the JIT first
		int answered = 0;
		for (int i = 0; i < ROUNDS; i++) {
			answered += search.search(mix.get(i % mix.size()), 10).isEmpty() ? 0 : 1;
			search.search(unique.get(i), 10);
		}
		Recording recording = null;
		if (Boolean.getBoolean("onevisit.search.jfr")) {
			recording = new Recording(Configuration.getConfiguration("profile"));
			recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
			recording.start();
		}
		System.out.printf("SEARCH COST one thread, query mix: %.1f µs a search%n", micros(search, mix, ROUNDS));
		System.out.printf("SEARCH COST one thread, every query different: %.1f µs a search%n",
				micros(search, unique, ROUNDS));
		double[] twoThreads = new double[2];
		Thread[] threads = new Thread[2];
		for (int t = 0; t < 2; t++) {
			int which = t;
			threads[t] = new Thread(() -> twoThreads[which] = micros(search, unique, ROUNDS));
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		System.out.printf("SEARCH COST two threads, every query different: %.1f and %.1f µs a search%n", twoThreads[0],
				twoThreads[1]);
		if (recording != null) {
			recording.stop();
			recording.dump(Path.of("target", "catalogue-search.jfr"));
			recording.close();
		}
		assertThat(answered).isPositive();
	}

	private static double micros(CatalogueSearch search, List<String> queries, int rounds) {
		long started = System.nanoTime();
		for (int i = 0; i < rounds; i++) {
			search.search(queries.get(i % queries.size()), 10);
		}
		return (System.nanoTime() - started) / 1e3 / rounds;
	}

}
