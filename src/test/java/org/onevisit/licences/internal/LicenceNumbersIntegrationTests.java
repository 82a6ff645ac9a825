package org.onevisit.licences.internal;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The yearly sequences of licence numbers: every number handed out once, and no issuer of
 * a type waiting for another's licence to be stored.
 */
@SpringBootTest
class LicenceNumbersIntegrationTests {

	@Autowired
	Licences licences;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void anIssuerTakesTheNextNumberWhileAnotherIssuersLicenceIsStillBeingStored() throws Exception {
		String type = "TEST-" + UUID.randomUUID();
		CountDownLatch taken = new CountDownLatch(1);
		CountDownLatch secondTaken = new CountDownLatch(1);
		CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> this.transactions.execute((status) -> {
			long number = this.licences.nextInSequence(type, 2026);
			taken.countDown();
			try {
				// the first licence's transaction stays open until the second number is
				// out
				secondTaken.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return number;
		}));
		assertThat(taken.await(20, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Long> second = CompletableFuture
			.supplyAsync(() -> this.transactions.execute((status) -> this.licences.nextInSequence(type, 2026)));

		// before, the counter's row stayed locked until the first licence committed
		assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(2L);
		secondTaken.countDown();
		assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(1L);
	}

	@Test
	void aNumberWhoseLicenceWasRolledBackIsNeverHandedOutAgain() {
		String type = "TEST-" + UUID.randomUUID();
		Long rolledBack = this.transactions.execute((status) -> {
			long number = this.licences.nextInSequence(type, 2026);
			status.setRollbackOnly();
			return number;
		});

		Long next = this.transactions.execute((status) -> this.licences.nextInSequence(type, 2026));

		assertThat(rolledBack).isEqualTo(1L);
		assertThat(next).isEqualTo(2L);
		assertThat(this.licences.nextInSequence(type, 2027)).isEqualTo(1L);
	}

}
