package org.onevisit.queues;

import java.util.List;

/**
 * A hall's queue right now: tickets waiting, the expected wait for a ticket drawn now,
 * and the tickets most recently called.
 */
public record QueueStatus(Hall hall, boolean open, int waiting, int expectedWaitMinutes, List<Called> calling) {

	public QueueStatus {
		calling = List.copyOf(calling);
	}

	/** A ticket called to a window. */
	public record Called(String number, int window) {
	}

}
