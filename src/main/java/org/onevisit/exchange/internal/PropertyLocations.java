package org.onevisit.exchange.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.onevisit.applications.PropertyRegions;
import org.onevisit.exchange.internal.Fetcher.Found;
import org.onevisit.exchange.internal.Fetcher.Need;
import org.onevisit.platform.Sentence;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.TimeOrderedIds;

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
		Need need = new Need(LOCATION, owner.value(), "onevisit", "routing");
		// a fresh reference: the owner's ID would otherwise stand in clear on the ledger
		Found found = this.fetcher
			.fetch("onevisit", "routing:" + TimeOrderedIds.next(),
					Sentence.of("exchange.purpose.propertyRouting").stored(), List.of(need))
			.get(need);
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
