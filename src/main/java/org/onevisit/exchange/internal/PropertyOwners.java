package org.onevisit.exchange.internal;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.onevisit.applications.RegisteredOwners;
import org.onevisit.exchange.DataExchange;
import org.onevisit.exchange.DataExchange.DataQuery;
import org.onevisit.exchange.DataExchange.DataReading;
import org.onevisit.platform.Sentence;
import org.onevisit.shared.ResidentId;

import org.springframework.stereotype.Component;

/**
 * Reads who owns a property from the property registry, as the department of the item a
 * matter files, on the ledger like any access: the co-owners of a flat join its sale.
 */
@Component
class PropertyOwners implements RegisteredOwners {

	static final String OWNERSHIP = "realestate.ownership";

	private final DataExchange exchange;

	PropertyOwners(DataExchange exchange) {
		this.exchange = exchange;
	}

	@Override
	public Optional<List<ResidentId>> owners(String departmentCode, String itemCode, ResidentId owner,
			String certificateNo) {
		DataReading reading = this.exchange
			.read(departmentCode, itemCode, "parties:" + itemCode,
					Sentence.of("exchange.purpose.parties", itemCode).stored(),
					List.of(new DataQuery(OWNERSHIP, owner.value())))
			.get(0);
		return switch (reading.reading()) {
			case UNAVAILABLE, REFUSED -> Optional.empty();
			case NOT_FOUND, INCOMPLETE -> Optional.of(List.of());
			// an owner's record a little out of date still names who owns the property
			case CURRENT, STALE -> Optional.of(ownersOf(reading, certificateNo));
		};
	}

	/**
	 * The owners the record of that property names, whichever of the owner's properties
	 * it is (an owner of two flats has two records).
	 */
	private static List<ResidentId> ownersOf(DataReading reading, String certificateNo) {
		return reading.records()
			.stream()
			.filter((record) -> certificateNo == null || Objects.equals(certificateNo, record.get("certificateNo")))
			.findFirst()
			.map((record) -> (record.get("ownerIds") instanceof Collection<?> ids)
					? ids.stream().map(String::valueOf).filter(ResidentId::isValid).map(ResidentId::of).toList()
					: List.<ResidentId>of())
			.orElse(List.of());
	}

}
