package org.onevisit.licences.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.onevisit.licences.LicenceEvents.IssuedLicence;
import org.onevisit.licences.LicenceEvents.LicenceRevoked;
import org.onevisit.licences.LicenceEvents.LicencesIssued;
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

	private final Licences licences;

	private final TransparencyLog log;

	LicencesLogged(Licences licences, TransparencyLog log) {
		this.licences = licences;
		this.log = log;
	}

	@EventListener
	void on(LicencesIssued issued) {
		List<LogEntry> entries = new ArrayList<>();
		for (IssuedLicence licence : issued.licences()) {
			this.licences.find(licence.licence())
				.ifPresent((row) -> entries.add(LogEntry.licenceIssued(row.id(),
						Sm3.hash(row.document().getBytes(StandardCharsets.UTF_8)), licence.typeName(), issued.at())));
		}
		this.log.record(entries);
	}

	@EventListener
	void on(LicenceRevoked revoked) {
		this.log.record(LogEntry.licenceRevoked(revoked.licence(), revoked.successor(), revoked.at()));
	}

}
