package org.onevisit.exchange.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.onevisit.exchange.DataElement;
import org.onevisit.exchange.DataExchange.DataQuery;
import org.onevisit.exchange.DataExchange.DataReading;
import org.onevisit.exchange.RegistryReads;
import org.onevisit.exchange.internal.Fetcher.Found;
import org.onevisit.exchange.internal.Fetcher.Need;

import org.springframework.stereotype.Component;

/** Reads for conditions of eligibility, on the ledger under the account they are for. */
@Component
class BehalfReads implements RegistryReads {

	private final Fetcher fetcher;

	private final DataElementCatalogue elements;

	BehalfReads(Fetcher fetcher, DataElementCatalogue elements) {
		this.fetcher = fetcher;
		this.elements = elements;
	}

	@Override
	public List<DataReading> read(String onBehalfOf, String consumer, String itemCode, String reference, String purpose,
			List<DataQuery> queries) {
		List<Need> needs = queries.stream()
			.map((query) -> new Need(query.element(), query.subject(), consumer, itemCode))
			.distinct()
			.toList();
		Map<Need, Found> found = this.fetcher.fetch(onBehalfOf, reference, purpose, needs);
		return queries.stream()
			.map((query) -> reading(found.get(new Need(query.element(), query.subject(), consumer, itemCode))))
			.toList();
	}

	/**
	 * What a registry's answer to one need tells the reader: the reading, the first
	 * record and every record (an owner of two flats has a record of each).
	 */
	DataReading reading(Found answer) {
		Need need = answer.need();
		DataQuery query = new DataQuery(need.element(), need.subject());
		String registry = this.elements.element(query.element()).map(DataElement::registry).orElse(query.element());
		Evidences.Evidence evidence = answer.evidence();
		List<Map<String, Object>> records = (evidence != null) ? evidence.records() : List.of();
		Instant updated = (evidence != null) ? evidence.updatedAt() : null;
		DataReading.Reading reading = switch (answer.kind()) {
			case FETCHED -> DataReading.Reading.CURRENT;
			case PENDING -> DataReading.Reading.UNAVAILABLE;
			case REFUSED -> DataReading.Reading.REFUSED;
			case UNUSABLE -> switch (evidence.status()) {
				case NOT_FOUND -> DataReading.Reading.NOT_FOUND;
				case INCOMPLETE -> DataReading.Reading.INCOMPLETE;
				case FOUND -> DataReading.Reading.STALE;
			};
		};
		return new DataReading(query, reading, records.isEmpty() ? Map.of() : records.get(0), registry, updated,
				records);
	}

}
