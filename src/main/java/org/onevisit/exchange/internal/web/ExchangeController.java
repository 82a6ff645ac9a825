package org.onevisit.exchange.internal.web;

import java.util.List;

import org.onevisit.shared.Subject;
import org.onevisit.exchange.AccessEntry;
import org.onevisit.exchange.AccessReadings;
import org.onevisit.exchange.DataExchange;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.transparency.LogEntry;
import org.onevisit.transparency.TransparencyLog;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** My data (我的数据) for citizens, and the ledger's verification for administrators. */
@Controller
class ExchangeController {

	private final DataExchange exchange;

	private final AccessReadings readings;

	private final TransparencyLog log;

	ExchangeController(DataExchange exchange, AccessReadings readings, TransparencyLog log) {
		this.exchange = exchange;
		this.readings = readings;
		this.log = log;
	}

	@GetMapping("/my/data")
	String myData(@AuthenticationPrincipal OneVisitUser user, Model model) {
		String me = user.subject().map(Subject::identifier).orElse(null);
		List<AccessEntry> accesses = (me != null) ? this.exchange.accessesTo(me, 500) : List.of();
		model.addAttribute("accesses", this.readings.of(accesses));
		// each access's entry in the public log, linked to its proof of inclusion
		model.addAttribute("logIndexes",
				this.log.indexes(accesses.stream().map((access) -> LogEntry.accessReference(access.seq())).toList()));
		return "exchange/my-data";
	}

	@GetMapping("/admin/ledger")
	String ledger() {
		return "exchange/ledger";
	}

	@PostMapping("/admin/ledger")
	String verify(Model model) {
		model.addAttribute("verification", this.exchange.verifyLedger());
		return "exchange/ledger";
	}

}
