package org.onevisit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock a test sets and moves, in China Standard Time. */
public final class TestClock extends Clock {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private Instant now;

	private TestClock(Instant now) {
		this.now = now;
	}

	public static TestClock at(LocalDateTime beijingTime) {
		return new TestClock(beijingTime.atZone(BEIJING).toInstant());
	}

	public void set(LocalDateTime beijingTime) {
		this.now = beijingTime.atZone(BEIJING).toInstant();
	}

	@Override
	public ZoneId getZone() {
		return BEIJING;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("OneVisit counts days in Beijing time");
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
