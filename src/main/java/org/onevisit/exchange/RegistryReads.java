package org.onevisit.exchange;

import java.util.List;

import org.onevisit.exchange.DataExchange.DataQuery;
import org.onevisit.exchange.DataExchange.DataReading;

/**
 * Reads data elements as a department for an item, on someone's behalf: the conditions of
 * eligibility are judged on what this answers. Every access is on the ledger under that
 * account and purpose, and each answer is judged current or not as materials are; a
 * reading keeps every record the registry holds (a person may own two flats).
 */
public interface RegistryReads {

	List<DataReading> read(String onBehalfOf, String consumer, String itemCode, String reference, String purpose,
			List<DataQuery> queries);

}
