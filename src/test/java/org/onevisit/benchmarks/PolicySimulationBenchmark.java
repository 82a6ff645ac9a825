package org.onevisit.benchmarks;

import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onevisit.benefits.Benefits;
import org.onevisit.benefits.Simulation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simulating 高龄津贴 over the 10,000-resident demo registries: one signed scan of the
 * population registry, one signed batch read of the households of every candidate, each
 * read on the ledger (fsync and synchronous_commit on). Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=PolicySimulationBenchmark}; it prints the times.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "onevisit.db.embedded.durable=true", "logging.level.org.onevisit=warn" })
class PolicySimulationBenchmark {

	static final int ROUNDS = 10;

	@Autowired
	Benefits benefits;

	@Test
	void simulatesAPolicyOverTheWholeRegistry() {
		for (int warm = 0; warm < 3; warm++) {
			this.benefits.simulate("old-age-allowance");
		}
		long[] millis = new long[ROUNDS];
		Simulation last = null;
		for (int round = 0; round < ROUNDS; round++) {
			long started = System.nanoTime();
			last = this.benefits.simulate("old-age-allowance");
			millis[round] = (System.nanoTime() - started) / 1_000_000;
		}
		Arrays.sort(millis);
		System.out.printf("policy simulation: %d candidates, %d qualify; median %d ms, max %d ms (%d rounds)%n",
				last.candidates(), last.qualifying(), millis[ROUNDS / 2], millis[ROUNDS - 1], ROUNDS);
		assertThat(last.qualifying()).isPositive();
	}

}
