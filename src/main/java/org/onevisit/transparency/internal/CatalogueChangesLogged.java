package org.onevisit.transparency.internal;

import org.onevisit.catalog.CatalogueChanged;
import org.onevisit.transparency.LogEntry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Enters every publication and retirement of a catalogue entry in the log, in the
 * transaction that makes it: the rules citizens are held to cannot change unseen.
 */
@Component
class CatalogueChangesLogged {

	private final LogService log;

	CatalogueChangesLogged(LogService log) {
		this.log = log;
	}

	@EventListener
	void on(CatalogueChanged changed) {
		this.log.record(LogEntry.catalogueChanged(changed.kind(), changed.code(), changed.version(), changed.action(),
				changed.at()));
	}

}
