package org.onevisit.messages.internal;

import java.util.List;

import org.onevisit.supervision.Warning;
import org.onevisit.supervision.WarningChannel;

import org.springframework.stereotype.Component;

/**
 * Supervision warnings by e-mail and text to the department's staff who chose a channel
 * (the warnings stand on the supervision pages either way). The supervision module sends
 * each warning once per task and level.
 */
@Component
class SupervisionWarnings implements WarningChannel {

	private final Notifications notifications;

	SupervisionWarnings(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void send(Warning warning) {
		String key = switch (warning.level()) {
			case YELLOW -> "message.warningYellow";
			case RED -> "message.warningRed";
			case STATUTORY -> "message.warningStatutory";
		};
		this.notifications.tellStaff(warning.departmentCode(), key,
				List.of(warning.trackingNumber(), warning.committedDue().toString(), warning.statutoryDue().toString()),
				"/supervision");
	}

}
