package org.onevisit.partners.internal;

import java.util.List;

import org.onevisit.platform.DatabaseMode;
import org.onevisit.registries.RegistryControl;
import org.onevisit.shared.CreditCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * In demo mode only, the bank the demo registry names as mortgagee, registered at first
 * start as a partner filing the real estate centre's items (the bank counter, issue 27):
 * client {@value #CLIENT_ID}, secret {@value #SECRET}. A fixed secret is acceptable for
 * the demo only; outside demo mode nothing is registered here and an administrator
 * registers partners with generated secrets.
 */
@Component
class DemoBankPartner implements ApplicationRunner {

	static final String CLIENT_ID = "demo-bank";

	static final String SECRET = "onevisit-demo-bank";

	private static final Logger log = LoggerFactory.getLogger(DemoBankPartner.class);

	private final DatabaseMode mode;

	private final PartnerClients clients;

	DemoBankPartner(DatabaseMode mode, PartnerClients clients) {
		this.mode = mode;
		this.clients = clients;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.mode.demo() || this.clients.registered(CLIENT_ID)) {
			return;
		}
		this.clients.register(CLIENT_ID, SECRET, RegistryControl.DEMO_BANK, PartnerKind.BANK, List.of("nr"), null,
				CreditCode.of(RegistryControl.DEMO_BANK_CODE), "demo");
		log.info("Demo bank partner registered: client id '{}', secret '{}'", CLIENT_ID, SECRET);
	}

}
