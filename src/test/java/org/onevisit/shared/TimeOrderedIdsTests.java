package org.onevisit.shared;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTests {

	@Test
	void areVersionSevenUuidsThatCarryTheirMillisecond() {
		long before = System.currentTimeMillis();
		UUID id = TimeOrderedIds.next();
		long after = System.currentTimeMillis();

		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
	}

	@Test
	void idsOfLaterMillisecondsSortAfterEarlierOnesAsTheDatabaseComparesThem() throws InterruptedException {
		UUID earlier = TimeOrderedIds.next();
		Thread.sleep(2);
		UUID later = TimeOrderedIds.next();

		// PostgreSQL orders uuid values byte by byte, as their text does
		assertThat(later.toString()).isGreaterThan(earlier.toString());
	}

	@Test
	void idsOfTheSameMillisecondDifferInTheirRandomBits() {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 100_000; i++) {
			ids.add(TimeOrderedIds.next());
		}

		assertThat(new HashSet<>(ids)).hasSize(ids.size());
	}

}
