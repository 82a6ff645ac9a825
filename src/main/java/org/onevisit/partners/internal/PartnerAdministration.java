package org.onevisit.partners.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.onevisit.shared.CreditCode;

import org.springframework.stereotype.Component;

/** What the administrator's page does with partners (for the web layer). */
@Component
public class PartnerAdministration {

	private final PartnerClients clients;

	PartnerAdministration(PartnerClients clients) {
		this.clients = clients;
	}

	/** A client id and its secret, shown once. */
	public record Credentials(String clientId, String name, String secret) {
	}

	public List<Partner> all() {
		return this.clients.all();
	}

	public List<PartnerKind> kinds() {
		return Arrays.asList(PartnerKind.values());
	}

	public Credentials register(String name, String kind, Collection<String> itemGroups, String redirectUri,
			String admin) {
		return register(name, kind, itemGroups, redirectUri, null, admin);
	}

	/**
	 * Registers a partner with the organisation's unified social credit code (blank:
	 * none), by which registries name it (a mortgagee bank).
	 */
	public Credentials register(String name, String kind, Collection<String> itemGroups, String redirectUri,
			String creditCode, String admin) {
		PartnerKind parsed = Arrays.stream(PartnerKind.values())
			.filter((candidate) -> candidate.name().equals(kind))
			.findFirst()
			.orElseThrow(PartnerRefused::kindUnknown);
		CreditCode code = null;
		if (creditCode != null && !creditCode.isBlank()) {
			try {
				code = CreditCode.of(creditCode.strip());
			}
			catch (IllegalArgumentException invalid) {
				throw PartnerRefused.creditCodeInvalid();
			}
		}
		PartnerClients.Registered made = this.clients.register(name, parsed, itemGroups, redirectUri, code, admin);
		return new Credentials(made.partner().clientId(), made.partner().name(), made.secret());
	}

	public void suspend(String clientId, String admin) {
		this.clients.suspend(clientId, admin);
	}

	public void reinstate(String clientId, String admin) {
		this.clients.reinstate(clientId, admin);
	}

	public Credentials rotateSecret(String clientId, String admin) {
		String secret = this.clients.rotateSecret(clientId, admin);
		return new Credentials(clientId, this.clients.find(clientId).name(), secret);
	}

}
