package org.onevisit.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;

/**
 * Pre-filling from the registries, the citizen's view of who read their data, and the
 * ledger's verification.
 */
public interface DataExchange {

	/**
	 * Asks the registries for what the form and the shared-data materials of an item or a
	 * bundle need, logs every access and keeps the signed answers as evidence the
	 * submission can name.
	 */
	Prefilled prefill(PrefillRequest request);

	/** The accesses to a person's or business's data, newest first. */
	List<AccessEntry> accessesTo(String subjectId, int limit);

	/**
	 * Checks a registering person's name against the population registry (实名核验), logged
	 * like any access.
	 */
	default IdentityCheck checkIdentity(ResidentId residentId, String name) {
		return checkPerson(residentId, name).outcome();
	}

	/**
	 * Checks a registering person's name against the population registry and reads the
	 * mobile number the registry holds for them (empty when it holds none or the name
	 * does not match), both logged like any access.
	 */
	PersonCheck checkPerson(ResidentId residentId, String name);

	/** The population registry's answer on a registering person. */
	record PersonCheck(IdentityCheck outcome, Optional<String> registeredMobile) {
	}

	/** What the population registry says of a name and an ID number. */
	enum IdentityCheck {

		MATCHES, DOES_NOT_MATCH, NOT_FOUND, UNAVAILABLE

	}

	/**
	 * Whether the person is the legal representative of an enterprise that is still in
	 * business, as the enterprise registry says: for opening a business account.
	 */
	Representation checkRepresentative(CreditCode enterprise, ResidentId person, String name);

	/** What the enterprise registry says of a person acting for an enterprise. */
	record Representation(RepresentativeCheck outcome, String enterpriseName) {
	}

	enum RepresentativeCheck {

		REPRESENTS, NOT_REPRESENTATIVE, NOT_FOUND, DEREGISTERED, UNAVAILABLE

	}

	/**
	 * Reads data elements about people or businesses as a department, for an item of an
	 * application (its reference): what instant approval evaluates. Each access is on the
	 * ledger like any other, and each answer is judged current or not as materials are.
	 */
	List<DataReading> read(String consumer, String itemCode, String reference, String purpose, List<DataQuery> queries);

	/**
	 * Everyone whose record of the element meets the condition, as the registry finds
	 * them, read by a department for a policy ({@code purposeKey}, which the data-sharing
	 * catalogue must authorise); each one found is on the ledger. Empty when the registry
	 * cannot be reached or the read is not authorised.
	 */
	Optional<List<DataReading>> scan(String consumer, String purposeKey, String purpose, String element,
			RegistryRequest.Where where);

	/** One element about one person or business. */
	record DataQuery(String element, String subject) {
	}

	/**
	 * What the registry (by its code, named {@code exchange.registry.<code>} in the
	 * message bundles) said of a query, and how far it can be relied on: its first
	 * record, and every record where the registry holds several (a person owning two
	 * flats).
	 */
	record DataReading(DataQuery query, Reading reading, Map<String, Object> record, String registry, Instant updatedAt,
			List<Map<String, Object>> records) {

		public DataReading {
			record = (record != null) ? record : Map.of();
			records = (records != null) ? List.copyOf(records) : (record.isEmpty() ? List.of() : List.of(record));
		}

		/** A reading of the first record only. */
		public DataReading(DataQuery query, Reading reading, Map<String, Object> record, String registry,
				Instant updatedAt) {
			this(query, reading, record, registry, updatedAt, null);
		}

		public enum Reading {

			CURRENT, STALE, INCOMPLETE, NOT_FOUND, UNAVAILABLE, REFUSED

		}

	}

	/** Walks the whole ledger and names the first entry that does not fit. */
	LedgerVerification verifyLedger();

}
