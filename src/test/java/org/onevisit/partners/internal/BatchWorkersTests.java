package org.onevisit.partners.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node files batch cases with twice as many workers as it has cores, unless told
 * otherwise, never with the connections reserved for people, and gives up a worker's seat
 * to each request of a person in progress.
 */
class BatchWorkersTests {

	@ParameterizedTest(name = "{0}: {1} configured, {2} cores, a pool of {3} with {4} reserved gives {5}")
	@CsvSource(delimiter = '|', textBlock = """
			runs twice as many workers as cores by default                                  | 0  | 2  | 20 | 10 | 4
			runs twice as many workers as cores by default                                  | 0  | 4  | 20 | 10 | 8
			leaves the reserved connections to people however many cores or workers there are | 0  | 16 | 20 | 10 | 10
			leaves the reserved connections to people however many cores or workers there are | 30 | 2  | 20 | 10 | 10
			leaves the reserved connections to people however many cores or workers there are | 30 | 2  | 20 | 15 | 5
			takes the configured number within the share of the batches                    | 3  | 2  | 20 | 10 | 3
			takes the configured number within the share of the batches                    | 1  | 64 | 20 | 10 | 1
			keeps one worker when the pool has nothing beyond the reserved connections      | 0  | 2  | 10 | 10 | 1
			keeps one worker when the pool has nothing beyond the reserved connections      | 0  | 2  | 10 | 40 | 1
			""")
	void runsAsManyWorkersAsTheCoresTheSettingAndThePoolAllow(String rule, int configured, int cores, int pool,
			int reserved, int workers) {
		assertThat(BatchWorker.workers(configured, cores, pool, reserved)).isEqualTo(workers);
	}

	@Test
	void givesEachPersonInProgressAWorkersSeatButAlwaysFilesOneCase() {
		assertThat(BatchWorker.seats(4, 0)).isEqualTo(4);
		assertThat(BatchWorker.seats(4, 1)).isEqualTo(3);
		assertThat(BatchWorker.seats(4, 3)).isEqualTo(1);
		assertThat(BatchWorker.seats(4, 40)).isEqualTo(1);
	}

	@Test
	void countsPeoplesRequestsButNotTheBatchesOwnTrafficOrMonitoring() {
		assertThat(PeopleInFlight.ofPeople("/api/v1/applications")).isTrue();
		assertThat(PeopleInFlight.ofPeople("/hall/inbox")).isTrue();
		assertThat(PeopleInFlight.ofPeople("/admin/partners")).isTrue();
		assertThat(PeopleInFlight.ofPeople("/api/v1/batches")).isFalse();
		assertThat(PeopleInFlight.ofPeople("/api/v1/batches/5e0c/errors")).isFalse();
		assertThat(PeopleInFlight.ofPeople("/admin/partners/agency-1/batches/5e0c/progress")).isFalse();
		assertThat(PeopleInFlight.ofPeople("/actuator/prometheus")).isFalse();
	}

}
