package org.onevisit.partners.internal;

import java.util.Optional;

import org.onevisit.exchange.PartnerMandates;

import org.springframework.stereotype.Component;

/**
 * The mandates behind registry accesses, for the access ledger: the filing a partner
 * makes now in this thread, else the matter a partner filed (by its id or tracking
 * number).
 */
@Component
class LedgerMandates implements PartnerMandates {

	private final Mandates mandates;

	LedgerMandates(Mandates mandates) {
		this.mandates = mandates;
	}

	@Override
	public Optional<Mandated> mandateOf(String actor, String reference) {
		Optional<Mandate> filing = Mandates.filingNow();
		if (filing.isPresent() && filing.get().partnerClientId().equals(actor)) {
			return Optional.of(new Mandated(filing.get().id(), filing.get().partnerName()));
		}
		return this.mandates.mandateOfMatter(reference).map((found) -> new Mandated(found.getKey(), found.getValue()));
	}

}
