package org.onevisit.exchange;

import java.time.Instant;
import java.util.Map;

import org.onevisit.applications.ApplicationId;
import org.onevisit.catalog.RegistryChange;

/** What the exchange's write-back to registries did, for the modules that follow it. */
public final class RegistryEvents {

	private RegistryEvents() {
	}

	/**
	 * A registry applied the change an approved item makes (回写) and answered with its
	 * results, named as {@link RegistryChange#results()} lists them: the licence of the
	 * item is issued from them.
	 */
	public record RegistryWritten(ApplicationId application, String trackingNumber, String itemCode,
			RegistryChange change, Map<String, String> results, Instant at) {

		public RegistryWritten {
			results = Map.copyOf(results);
		}

	}

}
