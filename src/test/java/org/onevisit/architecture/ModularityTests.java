package org.onevisit.architecture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitApplication;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module structure is the architecture: each direct sub-package of
 * {@code org.onevisit} is a capability, reachable only through its root package. The
 * diagrams in {@code docs/modules/} are written from the code on every build.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(OneVisitApplication.class);

	static final Path DIAGRAMS = Path.of("docs/modules");

	@Test
	void modulesReachEachOtherOnlyThroughTheirPublicApiAndFormNoCycle() {
		MODULES.verify();
	}

	@Test
	void everyCapabilityIsAModule() {
		assertThat(MODULES.stream().map((module) -> module.getBasePackage().getName())).contains("org.onevisit.shared",
				"org.onevisit.platform", "org.onevisit.identity", "org.onevisit.calendar", "org.onevisit.catalog",
				"org.onevisit.portal", "org.onevisit.demo");
	}

	@Test
	void verificationFailsWhenAModuleReachesIntoAnotherModulesInternals() {
		// example.broken.alpha uses a type from example.broken.beta.internal
		// the fixture lives in the test sources, which module detection leaves out by
		// default
		ApplicationModules broken = ApplicationModules.of("example.broken", (location) -> true);

		assertThatThrownBy(broken::verify).hasMessageContaining("internal");
	}

	@Test
	void writesModuleDocumentation() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
			.writeDocumentation()
			.writeModuleCanvases();

		try (var files = Files.list(DIAGRAMS)) {
			for (Path written : files.toList()) {
				if (written.toString().endsWith(".puml")) {
					sortRelationships(written);
				}
				else if (written.toString().endsWith(".adoc")) {
					sortListsInCells(written);
				}
			}
		}
	}

	/**
	 * Documenter numbers the relationships while walking a {@code HashMap} keyed by
	 * modules whose hash codes include identity hashes, and the exporter writes them in
	 * that numbering, so the same code gave a different order from one JVM to the next;
	 * sorted, the same code writes the same files.
	 */
	static void sortRelationships(Path diagram) throws IOException {
		String[] lines = Files.readString(diagram, StandardCharsets.UTF_8).split("\n", -1);
		Iterator<String> sorted = Arrays.stream(lines).filter(ModularityTests::isRelationship).sorted().iterator();
		String text = Arrays.stream(lines)
			.map((line) -> isRelationship(line) ? sorted.next() : line)
			.collect(Collectors.joining("\n"));
		Files.writeString(diagram, text, StandardCharsets.UTF_8);
	}

	/**
	 * The module canvases list events, beans and types in a table cell each (a first line
	 * {@code |* …}, then {@code * …}) in an order that also varies from one JVM to the
	 * next; each cell's list is sorted.
	 */
	static void sortListsInCells(Path canvas) throws IOException {
		String[] lines = Files.readString(canvas, StandardCharsets.UTF_8).split("\n", -1);
		for (int first = 0; first < lines.length; first++) {
			if (!lines[first].startsWith("|* ")) {
				continue;
			}
			int end = first + 1;
			while (end < lines.length && lines[end].startsWith("* ")) {
				end++;
			}
			List<String> items = new ArrayList<>();
			items.add(lines[first].substring(1));
			items.addAll(Arrays.asList(lines).subList(first + 1, end));
			Collections.sort(items);
			for (int line = first; line < end; line++) {
				lines[line] = ((line == first) ? "|" : "") + items.get(line - first);
			}
			first = end - 1;
		}
		Files.writeString(canvas, String.join("\n", lines), StandardCharsets.UTF_8);
	}

	private static boolean isRelationship(String line) {
		return line.startsWith("Rel(");
	}

}
