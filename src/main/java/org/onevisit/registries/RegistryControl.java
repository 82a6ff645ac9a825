package org.onevisit.registries;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.onevisit.shared.CreditCode;

/**
 * Operating the demo registries as a department's operator would: stop one, start it
 * again, make it slow; and finding residents with a given data problem for drills.
 */
public interface RegistryControl {

	void stop(String registry);

	void start(String registry);

	/** Every answer of the registry waits this long first (zero: none). */
	void slowDown(String registry, Duration delay);

	boolean running(String registry);

	/**
	 * Stops the registry and starts it as a new process would: a new gate remembering
	 * nothing in memory (what it admitted is in the registry's own table).
	 */
	void restart(String registry);

	/**
	 * The requests the registry answered, newest first, from its own log: OneVisit's and
	 * anyone else's, admitted or refused.
	 */
	List<AnsweredRequest> requestsAnswered(String registry, int limit);

	/**
	 * One request a registry answered: {@code kind} query or update, the request's id as
	 * it claimed it (null when unreadable), the key it was signed with, the HTTP status,
	 * {@code ANSWERED} or {@code REFUSED:<code>}, and the SM3 hash of its exact bytes.
	 */
	record AnsweredRequest(Instant at, String kind, String requestId, String keyId, int status, String outcome,
			String bodyHash) {
	}

	/**
	 * A resident's name as the population registry holds it, as its operator would look
	 * it up.
	 */
	Optional<String> nameOf(String residentId);

	/** The mobile number the population registry holds for a resident. */
	Optional<String> mobileOf(String residentId);

	/**
	 * Enterprises as the enterprise registry holds them, ordered by credit code, as its
	 * operator would list them.
	 */
	List<Enterprise> enterprises();

	/** An enterprise's registration: who represents it and whether it is in business. */
	record Enterprise(String creditCode, String name, String representativeId, String representativeName,
			boolean active) {
	}

	/**
	 * Registers a new flat for its owners, as the property registry's operator would: a
	 * certificate number from the registry's yearly sequence, a unit number, and an
	 * ownership record for each owner with the shares. Answers what the registry holds.
	 */
	Flat registerFlat(List<Share> owners, String address, double area, LocalDate registeredOn);

	/**
	 * Files the sale contract of a registered flat from all its owners to the buyer with
	 * the housing registry (网签备案) and opens the buyer's deed tax declaration, as a sale
	 * that is ready to be transferred has them.
	 */
	void fileSaleContract(String certificateNo, String buyerId, long price);

	/**
	 * Registers a mortgage in force on a registered flat for the mortgagee bank (its name
	 * and unified social credit code), as the property registry records a 抵押权首次登记.
	 */
	void registerMortgage(String certificateNo, String mortgagee, String mortgageeCode, long amount);

	/** The bank that holds the demo's mortgages (中国工商银行示范市分行) and its credit code. */
	String DEMO_BANK = "中国工商银行示范市分行";

	/**
	 * The demo bank's unified social credit code, as the property registry names the
	 * mortgagee and the demo's bank partner is registered with.
	 */
	String DEMO_BANK_CODE = CreditCode.completing("91339900MA00B001").value();

	/**
	 * The property registry's record of a certificate: valid, or cancelled and by what.
	 */
	Optional<Certificate> certificate(String certificateNo);

	/** An owner's share of a property, in percent. */
	record Share(String ownerId, int percent) {
	}

	/** A registered flat as the property registry holds it. */
	record Flat(String certificateNo, String unitNo, String address, double area, String usage, LocalDate registeredOn,
			List<Share> owners) {

		public Flat {
			owners = List.copyOf(owners);
		}

	}

	/**
	 * A certificate the property registry issued: its status (现势 or 已注销) and, once
	 * cancelled by a transfer, the certificate that succeeded it.
	 */
	record Certificate(String certificateNo, String status, String successor) {
	}

	/**
	 * The subjects whose record of the element has the field at the value, ordered: the
	 * operator's direct query on the registry's own data.
	 */
	List<String> subjectsWhere(String element, String field, Object value);

	/** The subjects with a record of the element that matches, ordered. */
	List<String> subjectsMatching(String element, Predicate<Map<String, Object>> record);

	/**
	 * Makes the registry's record look last confirmed at that moment, as a record nobody
	 * has touched since would: for drills of stale data.
	 */
	void backdate(String element, String subject, Instant confirmedAt);

	/** Residents whose registry data has the problem, in generation order. */
	List<String> residentsWith(DataProblem problem);

	/** A resident ID with the problem, if the generator made one. */
	default Optional<String> residentWith(DataProblem problem) {
		return residentsWith(problem).stream().findFirst();
	}

	/**
	 * The data problems the generator makes on purpose, as the reform's documents name
	 * them.
	 */
	enum DataProblem {

		/**
		 * Married by the marriage registry's last sync years ago (a divorce not
		 * propagated).
		 */
		STALE_MARRIAGE,
		/** Married outside the province: the record lacks the spouse. */
		INCOMPLETE_MARRIAGE,
		/** Owns a property registered under a name only, not linked to the ID number. */
		UNLINKED_PROPERTY

	}

}
