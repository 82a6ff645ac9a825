package org.onevisit.exchange;

import java.util.Optional;
import java.util.UUID;

/**
 * The mandate (委托授权) a partner acts under, for the access ledger: an access made for a
 * partner's filing names the mandate and the partner in its purpose, so that the person
 * reads under 我的数据 which organisation read their data on whose mandate. The partners
 * module implements it (it depends on the exchange, not the other way).
 */
public interface PartnerMandates {

	/**
	 * The mandate behind an access by this actor for this reference (a matter's id or
	 * tracking number, or the filing in progress), if a partner filed it.
	 */
	Optional<Mandated> mandateOf(String actor, String reference);

	/** A mandate's id and the name of the partner that holds it. */
	record Mandated(UUID mandateId, String partnerName) {
	}

}
