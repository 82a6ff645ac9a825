package org.onevisit.applications.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.onevisit.applications.ApplicationManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lapses matters whose parties have not all confirmed within the working days allowed
 * ({@code onevisit.parties.confirmation-days}, 15 unless set): the filer is told, and
 * nobody's time is held by a matter nobody will finish.
 */
@Component
class ConfirmationDeadline {

	private static final Logger log = LoggerFactory.getLogger(ConfirmationDeadline.class);

	private final ApplicationManagement applications;

	private final int workingDays;

	ConfirmationDeadline(ApplicationManagement applications,
			@Value("${onevisit.parties.confirmation-days:15}") int workingDays) {
		this.applications = applications;
		this.workingDays = workingDays;
	}

	@SchedulerLock(name = "parties-lapse")
	@Scheduled(fixedDelayString = "${onevisit.parties.lapse-interval:PT1H}",
			initialDelayString = "${onevisit.parties.lapse-interval:PT1H}")
	void lapseUnconfirmed() {
		int lapsed = this.applications.lapseUnconfirmed(this.workingDays);
		if (lapsed > 0) {
			log.info("{} matters lapsed without every party's confirmation", lapsed);
		}
	}

}
