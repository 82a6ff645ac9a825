package org.onevisit.registries.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.onevisit.exchange.ProviderGate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The request ids one registry's gate admitted, kept in the registry's own table until
 * they fall out of the clock window: a request replayed after the registry restarted is
 * refused as it is before.
 */
final class AdmittedRequests implements ProviderGate.ReplayMemory {

	private final String registry;

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Instant lastSweep = Instant.EPOCH;

	AdmittedRequests(String registry, JdbcClient jdbc, Clock clock) {
		this.registry = registry;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public boolean firstTime(String requestId, Instant forgetAfter) {
		Instant now = this.clock.instant();
		// at most every ten seconds: a delete of what the window no longer holds
		if (now.isAfter(this.lastSweep.plusSeconds(10))) {
			this.lastSweep = now;
			this.jdbc.sql("delete from registries_admitted_request where registry = ? and forget_after < ?")
				.params(this.registry, Timestamp.from(now))
				.update();
		}
		return this.jdbc.sql("""
				insert into registries_admitted_request (registry, request_id, forget_after) values (?, ?, ?)
				on conflict do nothing
				""").params(this.registry, requestId, Timestamp.from(forgetAfter)).update() == 1;
	}

}
