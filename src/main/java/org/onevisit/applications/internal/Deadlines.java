package org.onevisit.applications.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.onevisit.applications.ApplicationManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lapses matters left waiting past the working days allowed, each on its own schedule and
 * lock: for their parties' confirmations ({@code onevisit.parties.confirmation-days}), so
 * that nobody's time is held by a matter nobody will finish, and, once approved, for
 * their fees and taxes ({@code onevisit.payments.payment-days}), so that no result is
 * ever produced for them; 15 unless set. The applicant is told either way.
 */
@Component
class Deadlines {

	private static final Logger log = LoggerFactory.getLogger(Deadlines.class);

	private final ApplicationManagement applications;

	private final int confirmationDays;

	private final int paymentDays;

	Deadlines(ApplicationManagement applications,
			@Value("${onevisit.parties.confirmation-days:15}") int confirmationDays,
			@Value("${onevisit.payments.payment-days:15}") int paymentDays) {
		this.applications = applications;
		this.confirmationDays = confirmationDays;
		this.paymentDays = paymentDays;
	}

	@SchedulerLock(name = "parties-lapse")
	@Scheduled(fixedDelayString = "${onevisit.parties.lapse-interval:PT1H}",
			initialDelayString = "${onevisit.parties.lapse-interval:PT1H}")
	void lapseUnconfirmed() {
		int lapsed = this.applications.lapseUnconfirmed(this.confirmationDays);
		if (lapsed > 0) {
			log.info("{} matters lapsed without every party's confirmation", lapsed);
		}
	}

	/**
	 * A supplement not given by the last day of its 补正 period: the matter lapses, as the
	 * notice said it would.
	 */
	@SchedulerLock(name = "supplements-lapse")
	@Scheduled(fixedDelayString = "${onevisit.supplements.lapse-interval:PT1H}",
			initialDelayString = "${onevisit.supplements.lapse-interval:PT1H}")
	void lapseUnsupplemented() {
		int lapsed = this.applications.lapseUnsupplemented();
		if (lapsed > 0) {
			log.info("{} matters lapsed without the supplement asked for", lapsed);
		}
	}

	@SchedulerLock(name = "payments-lapse")
	@Scheduled(fixedDelayString = "${onevisit.payments.lapse-interval:PT1H}",
			initialDelayString = "${onevisit.payments.lapse-interval:PT1H}")
	void lapseUnpaid() {
		int lapsed = this.applications.lapseUnpaid(this.paymentDays);
		if (lapsed > 0) {
			log.info("{} approved matters lapsed unpaid", lapsed);
		}
	}

}
