package org.onevisit.platform.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands events whose listener failed (or whose node died while handling them) to their
 * listeners again. Restarts resubmit too, but a licence must not wait for the next
 * deployment; listeners are written to be safe to run twice.
 */
@Component
class OutboxRetry {

	private static final Logger log = LoggerFactory.getLogger(OutboxRetry.class);

	private final IncompleteEventPublications incomplete;

	private final Duration minimumAge;

	OutboxRetry(IncompleteEventPublications incomplete,
			@Value("${onevisit.events.retry-after:PT1M}") Duration minimumAge) {
		this.incomplete = incomplete;
		this.minimumAge = minimumAge;
	}

	@SchedulerLock(name = "outbox-retry")
	@Scheduled(fixedDelayString = "${onevisit.events.retry-interval:PT1M}",
			initialDelayString = "${onevisit.events.retry-interval:PT1M}")
	void resubmit() {
		try {
			this.incomplete.resubmitIncompletePublicationsOlderThan(this.minimumAge);
		}
		catch (RuntimeException ex) {
			// the next round tries again; a database outage must not stop the scheduler
			log.warn("Resubmitting incomplete event publications failed: {}", ex.toString());
		}
	}

}
