package org.onevisit.licences.internal;

import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.onevisit.privacy.PersonalData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
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

	@Autowired
	DataSource dataSource;

	@Autowired
	PersonalData personalData;

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

	@Test
	void theConnectionThatTookANumberStillWaitsForTheDiskAtItsNextCommit() throws Exception {
		try (Connection pooled = this.dataSource.getConnection()) {
			SingleConnectionDataSource connection = new SingleConnectionDataSource(pooled, true);
			JdbcClient session = JdbcClient.create(connection);
			session.sql("set synchronous_commit = on").update();
			Licences onThatConnection = new Licences(session, new JdbcTemplate(connection), this.personalData,
					new DataSourceTransactionManager(connection));

			assertThat(onThatConnection.nextInSequence("TEST-" + UUID.randomUUID(), 2026)).isEqualTo(1L);

			// the number's own commit alone went without waiting: a pooled connection
			// left with synchronous_commit off would lose other transactions in a crash
			assertThat(session.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
			session.sql("reset synchronous_commit").update();
		}
	}

}
