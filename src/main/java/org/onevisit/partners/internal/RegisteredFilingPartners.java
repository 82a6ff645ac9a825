package org.onevisit.partners.internal;

import java.util.Optional;

import org.onevisit.applications.FilingPartners;
import org.onevisit.shared.CreditCode;

import org.springframework.stereotype.Component;

/** The credit codes of registered partners, for conditions on the partner that files. */
@Component
class RegisteredFilingPartners implements FilingPartners {

	private final PartnerClients clients;

	RegisteredFilingPartners(PartnerClients clients) {
		this.clients = clients;
	}

	@Override
	public Optional<String> creditCodeOf(String clientId) {
		return this.clients.creditCodeOf(clientId).map(CreditCode::value);
	}

	@Override
	public Optional<String> nameOf(String clientId) {
		return this.clients.registered(clientId) ? Optional.of(this.clients.find(clientId).name()) : Optional.empty();
	}

}
