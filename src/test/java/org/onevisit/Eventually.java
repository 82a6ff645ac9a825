package org.onevisit;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a value again until it is what a test waits for: what the outbox's listeners or
 * a registry's answer finish after the request that started them has been answered. The
 * test fails, naming the last value read, when it is not there in time.
 */
public final class Eventually {

	private static final Duration IN_TIME = Duration.ofSeconds(30);

	private static final Duration BETWEEN_READS = Duration.ofMillis(100);

	private Eventually() {
	}

	/** The first value read that is done, within 30 seconds. */
	public static <T> T eventually(Supplier<T> read, Predicate<T> done) throws InterruptedException {
		return eventually(read, done, IN_TIME);
	}

	/** The first value read that is done, within the time given. */
	public static <T> T eventually(Supplier<T> read, Predicate<T> done, Duration inTime) throws InterruptedException {
		long deadline = System.nanoTime() + inTime.toNanos();
		T value = read.get();
		while (!done.test(value) && System.nanoTime() < deadline) {
			Thread.sleep(BETWEEN_READS.toMillis());
			value = read.get();
		}
		assertThat(done.test(value)).as("in time: " + value).isTrue();
		return value;
	}

}
