package org.onevisit.catalog.internal;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.onevisit.catalog.CatalogueInvalid;
import org.onevisit.catalog.CatalogueProblem;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the catalogue's checks refuse a file with, for the tests of those checks. */
final class CatalogueRefusals {

	private CatalogueRefusals() {
	}

	/**
	 * The problems a reading is refused with: the test fails where the reading is not
	 * refused as an invalid catalogue.
	 */
	static List<CatalogueProblem> problemsOf(ThrowingCallable reading) {
		return assertThatExceptionOfType(CatalogueInvalid.class).isThrownBy(reading).actual().problems();
	}

}
