package org.onevisit.partners.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node files batch cases with twice as many workers as it has cores, unless told
 * otherwise, never with the connections reserved for people, and gives up a worker's seat
 * to each request of a person in progress.
 */
class BatchWorkersTests {

	@Test
	void runsTwiceAsManyWorkersAsCoresByDefault() {
		assertThat(BatchWorker.workers(0, 2, 20, 10)).isEqualTo(4);
		assertThat(BatchWorker.workers(0, 4, 20, 10)).isEqualTo(8);
	}

	@Test
	void leavesTheReservedConnectionsToPeopleHoweverManyCoresOrWorkersThereAre() {
		assertThat(BatchWorker.workers(0, 16, 20, 10)).isEqualTo(10);
		assertThat(BatchWorker.workers(30, 2, 20, 10)).isEqualTo(10);
		assertThat(BatchWorker.workers(30, 2, 20, 15)).isEqualTo(5);
	}

	@Test
	void takesTheConfiguredNumberWithinTheBatchesShare() {
		assertThat(BatchWorker.workers(3, 2, 20, 10)).isEqualTo(3);
		assertThat(BatchWorker.workers(1, 64, 20, 10)).isEqualTo(1);
	}

	@Test
	void keepsOneWorkerWhenThePoolHasNothingBeyondTheReservedConnections() {
		assertThat(BatchWorker.workers(0, 2, 10, 10)).isEqualTo(1);
		assertThat(BatchWorker.workers(0, 2, 10, 40)).isEqualTo(1);
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
