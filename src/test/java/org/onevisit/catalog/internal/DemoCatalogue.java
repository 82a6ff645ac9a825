package org.onevisit.catalog.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.onevisit.catalog.CatalogueDocument;
import org.onevisit.catalog.LicenceType;

import org.springframework.core.io.ClassPathResource;

/**
 * The shipped catalogue files as the tests of the catalogue read them, and the context an
 * item checked on its own is read in.
 */
final class DemoCatalogue {

	/**
	 * A catalogue that knows every department and region, for items checked alone; a test
	 * that needs it to know more overrides one more method.
	 */
	interface KnowingEverything extends CatalogueRules.Context {

		@Override
		default boolean departmentExists(String code) {
			return true;
		}

		@Override
		default boolean regionExists(String code) {
			return true;
		}

	}

	static final CatalogueRules.Context KNOWING_EVERYTHING = new KnowingEverything() {
	};

	private DemoCatalogue() {
	}

	/** The demo city's catalogue, read in this context. */
	static CatalogueDocument read(CatalogueRules.Context context) throws IOException {
		try (Reader reader = new InputStreamReader(
				new ClassPathResource("catalog/demo/catalogue.yaml").getInputStream(), StandardCharsets.UTF_8)) {
			return CatalogueYaml.read("catalogue.yaml", reader, context);
		}
	}

	/** The shipped licence types. */
	static List<LicenceType> licenceTypes() throws IOException {
		try (Reader reader = new InputStreamReader(new ClassPathResource("catalog/licence-types.yaml").getInputStream(),
				StandardCharsets.UTF_8)) {
			return CatalogueYaml.readLicenceTypes("licence-types.yaml", reader);
		}
	}

}
