package org.onevisit.applications;

import java.util.Optional;

import org.onevisit.shared.ResidentId;

/**
 * Where a person's household is registered, as the population registry says: the county
 * (division code) that owns a citywide matter about them (全市通办). Implemented by the
 * exchange, which reads the registry and logs the read; empty when the registry does not
 * answer or records no region.
 */
public interface HouseholdRegions {

	Optional<String> householdRegionOf(ResidentId person);

}
