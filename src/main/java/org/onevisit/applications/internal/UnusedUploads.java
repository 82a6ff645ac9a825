package org.onevisit.applications.internal;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes uploads that no submission names once they are a day old
 * ({@code onevisit.uploads.unused-after}): those of refused submissions, and those
 * uploaded and then left. Personal documents are kept only for a matter.
 */
@Component
class UnusedUploads {

	private static final Logger log = LoggerFactory.getLogger(UnusedUploads.class);

	private final FileUploads uploads;

	private final Duration after;

	UnusedUploads(FileUploads uploads, @Value("${onevisit.uploads.unused-after:P1D}") Duration after) {
		this.uploads = uploads;
		this.after = after;
	}

	@SchedulerLock(name = "uploads-unused")
	@Scheduled(fixedDelayString = "${onevisit.uploads.cleanup-interval:PT1H}",
			initialDelayString = "${onevisit.uploads.cleanup-interval:PT1H}")
	void deleteUnused() {
		int deleted = this.uploads.deleteUnused(this.after);
		if (deleted > 0) {
			log.info("{} uploads no submission named were deleted", deleted);
		}
	}

}
