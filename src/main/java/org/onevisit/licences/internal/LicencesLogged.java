package org.onevisit.licences.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.onevisit.licences.Licence;
import org.onevisit.licences.LicenceEvents.LicenceRevoked;
import org.onevisit.shared.Sm3;
import org.onevisit.transparency.LogEntry;
import org.onevisit.transparency.TransparencyLog;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Enters every licence issued (the SM3 of its signed document) and every revocation and
 * supersession in the public log, in the transaction that stores it: a licence cannot be
 * back-dated, quietly removed, or revoked for some viewers only.
 */
@Component
class LicencesLogged {

	private final TransparencyLog log;

	LicencesLogged(TransparencyLog log) {
		this.log = log;
	}

	/**
	 * Enters the licences just stored, hashing the documents in hand (reading them back
	 * would open each sealed document again for the same bytes).
	 */
	void issued(List<Licence> licences, Instant at) {
		this.log.record(licences.stream()
			.map((licence) -> LogEntry.licenceIssued(licence.id(),
					Sm3.hash(licence.document().getBytes(StandardCharsets.UTF_8)), licence.typeName(), at))
			.toList());
	}

	@EventListener
	void on(LicenceRevoked revoked) {
		this.log.record(LogEntry.licenceRevoked(revoked.licence(), revoked.successor(), revoked.at()));
	}

}
