package org.onevisit.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Identifiers in the UUID version 7 layout (RFC 9562): the first 48 bits are the
 * millisecond of creation, the remaining 74 free bits random. New rows then land at the
 * right-hand edge of their primary key and of every index that leads with the id, instead
 * of on a random page of it: fewer pages touched per insert, dense pages, and an index
 * whose recent part stays in memory. The random part comes from a secure generator, one
 * per thread so that threads do not queue for it, because the ids appear in addresses and
 * must not be guessable from one another.
 */
public final class TimeOrderedIds {

	private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

	private TimeOrderedIds() {
	}

	public static UUID next() {
		SecureRandom random = RANDOM.get();
		long millis = System.currentTimeMillis();
		long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0fffL);
		long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

}
