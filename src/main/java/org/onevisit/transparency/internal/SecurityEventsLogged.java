package org.onevisit.transparency.internal;

import org.onevisit.audit.SecurityEventRecorded;
import org.onevisit.transparency.LogEntry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Enters each row of the security log in the public log as its commitment, in the
 * transaction that wrote the row: a login record removed later is missing from a signed
 * tree.
 */
@Component
class SecurityEventsLogged {

	private final LogService log;

	SecurityEventsLogged(LogService log) {
		this.log = log;
	}

	@EventListener
	void on(SecurityEventRecorded recorded) {
		this.log.record(
				LogEntry.securityEvent(recorded.id(), recorded.commitment(), recorded.kind().name(), recorded.at()));
	}

}
