package org.onevisit.catalog;

import java.util.Optional;
import java.util.Set;

/**
 * The data elements registries share and the fields of their records, as the data-sharing
 * catalogue lists them: a rule or a condition naming an element or a field that no
 * registry has could never be judged, so loading it is refused. The exchange module
 * implements it (it depends on the catalogue, not the other way).
 */
public interface RegistryFields {

	/** The fields of the element's records; empty when no registry shares the element. */
	Optional<Set<String>> fieldsOf(String element);

}
