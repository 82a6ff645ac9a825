package org.onevisit.applications.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.onevisit.applications.ApplicationManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lapses approved matters whose fees or taxes stay unpaid for the working days allowed
 * ({@code onevisit.payments.payment-days}, 15 unless set): the applicant is told, and no
 * result is ever produced for them.
 */
@Component
class PaymentDeadline {

	private static final Logger log = LoggerFactory.getLogger(PaymentDeadline.class);

	private final ApplicationManagement applications;

	private final int workingDays;

	PaymentDeadline(ApplicationManagement applications,
			@Value("${onevisit.payments.payment-days:15}") int workingDays) {
		this.applications = applications;
		this.workingDays = workingDays;
	}

	@SchedulerLock(name = "payments-lapse")
	@Scheduled(fixedDelayString = "${onevisit.payments.lapse-interval:PT1H}",
			initialDelayString = "${onevisit.payments.lapse-interval:PT1H}")
	void lapseUnpaid() {
		int lapsed = this.applications.lapseUnpaid(this.workingDays);
		if (lapsed > 0) {
			log.info("{} approved matters lapsed unpaid", lapsed);
		}
	}

}
