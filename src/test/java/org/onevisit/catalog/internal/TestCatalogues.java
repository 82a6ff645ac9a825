package org.onevisit.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/**
 * Catalogue files written for the tests of the catalogue's checks, kept as YAML in this
 * package's folder of the test resources, so that a problem's line in a test is the line
 * in the file.
 */
final class TestCatalogues {

	private TestCatalogues() {
	}

	/** The text of the file of this name. */
	static String text(String name) {
		try {
			return new ClassPathResource(name, TestCatalogues.class).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
