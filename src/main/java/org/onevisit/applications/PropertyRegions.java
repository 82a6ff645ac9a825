package org.onevisit.applications;

import java.util.Optional;

import org.onevisit.shared.ResidentId;

/**
 * Where a property lies, as the property registry records it: the county (division code)
 * whose department handles a citywide matter about it (全市通办), read among the owner's
 * properties by its certificate number. Implemented by the exchange, which reads the
 * registry's location of the owner's properties only (no owners, no addresses) and logs
 * the read; empty when the registry does not answer, the owner holds no such property or
 * no region is recorded.
 */
public interface PropertyRegions {

	Optional<String> propertyRegionOf(ResidentId owner, String certificateNo);

}
