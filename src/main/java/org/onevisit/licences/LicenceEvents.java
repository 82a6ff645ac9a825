package org.onevisit.licences;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.onevisit.applications.Channel;
import org.onevisit.shared.Subject;

/** What happens to licences, for the modules that tell people about it. */
public final class LicenceEvents {

	private LicenceEvents() {
	}

	/**
	 * The licences an approved application yielded, issued together; the channel it was
	 * filed through says whether a partner filed it (and is told).
	 */
	public record LicencesIssued(String trackingNumber, List<IssuedLicence> licences, Instant at, Channel channel) {

		public LicencesIssued {
			licences = List.copyOf(licences);
		}

	}

	/** One issued licence and the item of the application it was issued for. */
	public record IssuedLicence(UUID licence, String typeName, Subject holder, String itemCode) {
	}

	/**
	 * A licence withdrawn; for one replaced by a new licence (换发), its successor and the
	 * successor's legal number.
	 */
	public record LicenceRevoked(UUID licence, String typeName, Subject holder, String reason, Instant at,
			UUID successor, String successorNumber) {

		public LicenceRevoked(UUID licence, String typeName, Subject holder, String reason, Instant at) {
			this(licence, typeName, holder, reason, at, null, null);
		}

		public boolean superseded() {
			return this.successor != null;
		}

	}

}
