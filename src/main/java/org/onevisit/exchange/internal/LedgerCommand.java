package org.onevisit.exchange.internal;

import org.onevisit.exchange.LedgerVerification;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The ledger verifier as a command: started with {@code --verify-ledger}, OneVisit checks
 * the access ledger, prints the result and exits with 0 if it is intact and 2 if not.
 */
@Component
class LedgerCommand implements ApplicationRunner {

	private final AccessLedger ledger;

	private final ApplicationContext context;

	LedgerCommand(AccessLedger ledger, ApplicationContext context) {
		this.ledger = ledger;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption("verify-ledger")) {
			return;
		}
		LedgerVerification verification = this.ledger.verify();
		System.out.println(describe(verification));
		int code = verification.intact() ? 0 : 2;
		System.exit(SpringApplication.exit(this.context, (ExitCodeGenerator) () -> code));
	}

	static String describe(LedgerVerification verification) {
		if (verification.intact()) {
			return String.format("Access ledger intact: %d entries, %d signed checkpoints, checked in %d ms",
					verification.entries(), verification.checkpoints(), verification.took().toMillis());
		}
		return String.format("Access ledger BROKEN at entry %d: %s (%d entries before it are intact)",
				verification.firstBadEntry(), verification.problem(), verification.entries());
	}

}
