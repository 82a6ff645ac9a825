package org.onevisit.supervision.internal;

import org.onevisit.supervision.Warning;
import org.onevisit.supervision.WarningChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The outside channel until an SMS gateway is configured: each warning is a log line the
 * operations team can route.
 */
@Component
class LoggedWarnings implements WarningChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggedWarnings.class);

	@Override
	public void send(Warning warning) {
		log.info("Supervision warning {} to department {} for {} (committed due {}, statutory due {})", warning.level(),
				warning.departmentCode(), warning.trackingNumber(), warning.committedDue(), warning.statutoryDue());
	}

}
