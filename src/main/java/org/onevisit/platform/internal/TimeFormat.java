package org.onevisit.platform.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Moments as pages show them ({@code ${@time.minute(at)}}), in the platform's time zone.
 */
@Component("time")
class TimeFormat {

	private final DateTimeFormatter minute;

	private final DateTimeFormatter second;

	TimeFormat(Clock clock) {
		this.minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
		this.second = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.getZone());
	}

	public String minute(Instant at) {
		return (at != null) ? this.minute.format(at) : "";
	}

	public String second(Instant at) {
		return (at != null) ? this.second.format(at) : "";
	}

}
