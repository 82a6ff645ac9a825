package org.onevisit.exchange.internal;

import java.util.Objects;
import java.util.Optional;

import org.onevisit.applications.PropertyRegions;
import org.onevisit.exchange.internal.Fetcher.Found;
import org.onevisit.shared.ResidentId;

import org.springframework.stereotype.Component;

/**
 * Reads where a property lies for the platform, to route a matter about it (事项分派): the
 * property registry's location element, which names the county of each of the owner's
 * properties and nothing else, on the ledger under a standing purpose like every read.
 */
@Component
class PropertyLocations implements PropertyRegions {

	static final String LOCATION = "realestate.location";

	private final Fetcher fetcher;

	PropertyLocations(Fetcher fetcher) {
		this.fetcher = fetcher;
	}

	@Override
	public Optional<String> propertyRegionOf(ResidentId owner, String certificateNo) {
		Found found = this.fetcher.fetchForPlatform(LOCATION, owner.value(), "routing",
				"exchange.purpose.propertyRouting");
		if (found.evidence() == null || certificateNo == null) {
			return Optional.empty();
		}
		return found.evidence()
			.records()
			.stream()
			.filter((record) -> certificateNo.equals(record.get("certificateNo")))
			.map((record) -> record.get("regionCode"))
			.filter(Objects::nonNull)
			.map(Object::toString)
			.findFirst();
	}

}
